import { Anchor, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { type Icon, IconHelpCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './Console.module.css';

/** One section of the console: a heading with its icon, a line on what it shows, and its definition in help. */
export function ConsoleSection({
  id,
  title,
  icon: SectionIcon,
  color,
  description,
  helpId,
  actions,
  children,
}: {
  id: string;
  title: string;
  icon: Icon;
  color: string;
  description: ReactNode;
  /** The entry on the help page that defines this section's figures. */
  helpId: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      id={id}
      aria-labelledby={headingId}
      style={{ scrollMarginTop: 72 }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: '1 1 320px' }}>
            <ThemeIcon variant="light" color={color} size={32} radius="md" aria-hidden>
              <SectionIcon size={18} />
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={2} size="h3" id={headingId}>
                {title}
              </Title>
              <Text size="sm" c="dimmed" maw={760}>
                {description}{' '}
                <Anchor component={Link} to={`/help#${helpId}`} size="sm" inherit underline="always">
                  <IconHelpCircle size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 2 }} />
                  How is this computed?
                </Anchor>
              </Text>
            </Stack>
          </Group>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** A figure with its name and a one-line explanation beneath. */
export function Figure({
  label,
  value,
  explanation,
  testId,
}: {
  label: string;
  value: ReactNode;
  explanation: ReactNode;
  testId?: string;
}) {
  return (
    <Stack gap={2} data-figure={testId ?? label}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text fw={700} fz={26} lh={1.15}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {explanation}
      </Text>
    </Stack>
  );
}

/** A chart's figures as a table, behind a native disclosure (keyboard and screen reader friendly). */
export function FiguresTable({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className={classes.details}>
      <summary>
        <Text span size="sm" c="anchor">
          {summary}
        </Text>
      </summary>
      <div style={{ overflowX: 'auto', marginTop: 8 }}>{children}</div>
    </details>
  );
}
