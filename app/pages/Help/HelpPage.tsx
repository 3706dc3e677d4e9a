import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { AppLayout } from '../../components/AppLayout.js';
import { HELP } from '../../content/insightsHelp.js';

// The definitions behind the facilitator's console and the resilience view, in plain words
// (app/content/insightsHelp.ts). Sections are anchors: /help#resilience.

export function HelpPage() {
  const { hash } = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    document.title = 'Help: the console’s figures · Colearn';
  }, []);

  useEffect(() => {
    if (!hash) return;
    const el = document.getElementById(hash.slice(1));
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [hash]);

  const crumbs = (
    <Anchor
      component="button"
      type="button"
      size="sm"
      c="dimmed"
      visibleFrom="sm"
      // Opened on its own (a new tab, a shared link) there is nothing to go back to: go home instead.
      onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}
    >
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        Back
      </Group>
    </Anchor>
  );

  return (
    <AppLayout crumbs={crumbs}>
      <Stack gap="lg" maw={820}>
        <Stack gap={6}>
          <Title order={1} size="h2">
            How the console’s figures are computed
          </Title>
          <Text c="dimmed">
            Every finding and figure in the facilitator’s console and the knowledge-resilience view comes from
            a rule written down here. Nothing is a black box.
          </Text>
        </Stack>
        <Paper withBorder p="md" component="nav" aria-label="On this page">
          <List size="sm" spacing={2}>
            {HELP.map((h) => (
              <List.Item key={h.id}>
                <Anchor href={`#${h.id}`} size="sm">
                  {h.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Paper>
        {HELP.map((h) => (
          <Stack
            key={h.id}
            gap="xs"
            component="section"
            id={h.id}
            tabIndex={-1}
            aria-labelledby={`${h.id}-title`}
            style={{ scrollMarginTop: 16, outline: 'none' }}
          >
            <Title order={2} size="h3" id={`${h.id}-title`}>
              {h.title}
            </Title>
            {h.paragraphs.map((p) => (
              <Text key={p} size="sm" style={{ lineHeight: 1.6 }}>
                {p}
              </Text>
            ))}
            {h.terms && (
              <dl style={{ margin: 0 }}>
                {h.terms.map((t) => (
                  <div key={t.term} style={{ marginBottom: 8 }}>
                    <Text component="dt" size="sm" fw={650}>
                      {t.term}
                    </Text>
                    <Text component="dd" size="sm" ml={0} style={{ lineHeight: 1.6 }}>
                      {t.definition}
                    </Text>
                  </div>
                ))}
              </dl>
            )}
          </Stack>
        ))}
      </Stack>
    </AppLayout>
  );
}
