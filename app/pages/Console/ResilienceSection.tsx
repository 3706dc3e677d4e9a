import { Badge, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconLifebuoy } from '@tabler/icons-react';
import { useState } from 'react';
import type { AwayImpact, InquiryResilience, KnowledgeResilience } from '../../../contract/insights.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { ConsoleSection } from './ConsoleSection.js';
import { plural } from './consoleModel.js';

const REASON: Record<KnowledgeResilience['holders'][number]['reasons'][number], string> = {
  contributed: 'contributed',
  endorsed: 'endorsed',
  taught_back: 'taught it back',
};

/** The bus factor in plain words. */
export function busFactorWords(n: number): string {
  if (n === 0)
    return 'Nobody can explain this yet: no one has both contributed and endorsed it, or taught it back.';
  if (n === 1) return 'It rests on one person: if they were away, nobody left could explain it.';
  return `${n} people who can explain it would have to be away before nobody left could.`;
}

export function busFactorColor(n: number): string {
  return n === 0 ? 'red' : n === 1 ? 'orange' : 'green';
}

/** Who holds the inquiry's knowledge and its conclusions', the bus factor of each, and "what if … were away". */
export function ResilienceSection({ resilience: r }: { resilience: InquiryResilience }) {
  return (
    <ConsoleSection
      id="resilience"
      title="Knowledge resilience"
      icon={IconLifebuoy}
      color="teal"
      helpId="resilience"
      description="Who contributed to, endorsed and can explain what the group found, and how many people it rests on."
    >
      <Stack gap="md">
        <KnowledgeCard k={r.inquiry} />
        {r.conclusions.map((c) => (
          <KnowledgeCard key={c.subject.id} k={c} />
        ))}
        {r.conclusions.length === 0 && (
          <Text size="sm" c="dimmed">
            No conclusion yet: once the group proposes one, its holders and bus factor appear here too.
          </Text>
        )}
      </Stack>
      <AwayPicker away={r.away} current={[r.inquiry, ...r.conclusions]} />
    </ConsoleSection>
  );
}

export function KnowledgeCard({ k }: { k: KnowledgeResilience }) {
  const headingId = `knowledge-${k.subject.id}`;
  const color = busFactorColor(k.busFactor);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      data-knowledge={k.subject.type}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" fw={600}>
              {k.subject.type === 'inquiry' ? 'The inquiry' : 'Conclusion'}
            </Text>
            <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {k.subject.title}
            </Title>
          </Stack>
          <Badge
            size="lg"
            variant="light"
            color={color}
            radius="sm"
            tt="none"
            style={{ flexShrink: 0 }}
            data-testid="bus-factor"
          >
            Bus factor {k.busFactor}
          </Badge>
        </Group>
        <Text size="sm">{busFactorWords(k.busFactor)}</Text>
        {k.holders.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody holds this knowledge yet.
          </Text>
        ) : (
          <Stack
            gap={6}
            component="ul"
            aria-label="Holders"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {k.holders.map((h) => (
              <Group key={h.user.id} component="li" gap="xs" wrap="wrap">
                <PersonAvatar person={h.user} size={22} />
                <Text size="sm" fw={600}>
                  {h.user.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {h.reasons.map((x) => REASON[x]).join(', ')}
                </Text>
                {h.canExplain && (
                  <Badge
                    size="xs"
                    variant="light"
                    color="green"
                    radius="sm"
                    tt="none"
                    leftSection={<IconCheck size={10} aria-hidden />}
                  >
                    can explain
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** "What if … were away?": the bus factor left and what nobody could explain without them. */
export function AwayPicker({
  away,
  current,
  scope = 'inquiry',
}: {
  away: AwayImpact[];
  current?: KnowledgeResilience[];
  scope?: 'inquiry' | 'workspace';
}) {
  const [userId, setUserId] = useState<string | null>(null);
  const picked = away.find((a) => a.user.id === userId);
  const data = away.map((a) => ({ value: a.user.id, label: a.user.name }));
  const before = current?.[0]?.busFactor;
  return (
    <Stack gap="xs" component="section" aria-label="What if someone were away">
      <Title order={3} size="h5">
        What if … were away?
      </Title>
      <Select
        label="Person"
        description={
          scope === 'inquiry'
            ? 'Everyone involved, the facilitator included.'
            : 'Everyone who can explain at least one topic.'
        }
        placeholder="Pick a person"
        data={data}
        value={userId}
        onChange={setUserId}
        clearable
        searchable
        maw={320}
        disabled={data.length === 0}
      />
      {data.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody can explain {scope === 'inquiry' ? 'this inquiry' : 'a topic'} yet, so nobody’s absence would
          change anything.
        </Text>
      )}
      {picked && (
        <Paper withBorder p="md" radius="md" aria-live="polite" data-testid="away-impact">
          <Stack gap={6}>
            <Text size="sm">
              {scope === 'inquiry' ? (
                <>
                  With {picked.user.name} away, the inquiry’s bus factor would be{' '}
                  <Text span fw={700}>
                    {picked.busFactorAfter}
                  </Text>
                  {before !== undefined ? ` (now ${before})` : ''}.
                </>
              ) : (
                <>
                  With {picked.user.name} away, the lowest bus factor across the workspace would be{' '}
                  <Text span fw={700}>
                    {picked.busFactorAfter}
                  </Text>
                  .
                </>
              )}
            </Text>
            {picked.lost.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing would be lost: someone else could still explain everything.
              </Text>
            ) : (
              <>
                <Text size="sm" fw={600}>
                  Nobody left could explain {plural(picked.lost.length, 'thing')}:
                </Text>
                <List size="sm" spacing={2}>
                  {picked.lost.map((l) => (
                    <List.Item key={`${l.type}:${l.id}`}>
                      {l.type === 'inquiry' ? 'Inquiry' : 'Conclusion'}: {l.title}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
