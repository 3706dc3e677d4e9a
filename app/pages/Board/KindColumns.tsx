import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Contribution } from '../../../contract/contributions.js';
import type { ContributionKind } from '../../../domain/model.js';
import { KindIcon } from '../../components/KindLabel.js';
import { KINDS } from '../../kinds.js';
import classes from './Board.module.css';
import { byNewest, groupByKind, type Reply } from './boardModel.js';
import { type CardActions, ContributionCard } from './ContributionCard.js';

interface ViewProps {
  items: Contribution[];
  replies: Map<string, Reply[]>;
  actions: CardActions;
}

function CardStack({ items, replies, actions }: ViewProps) {
  return (
    <Stack gap="sm">
      {items.map((c) => (
        <ContributionCard key={c.id} contribution={c} replies={replies.get(c.id)} actions={actions} />
      ))}
    </Stack>
  );
}

/** Wide screens: one column per kind that has notes. */
export function KindColumns(props: ViewProps) {
  const groups = groupByKind(props.items);
  return (
    <div className={classes.columns}>
      {groups.map((g) => (
        <section key={g.kind} className={classes.column} aria-labelledby={`col-${g.kind}`}>
          <Group justify="space-between" className={classes.columnHeader}>
            <Group gap={8} wrap="nowrap">
              <KindIcon kind={g.kind} size={16} />
              <Title order={2} id={`col-${g.kind}`} size="sm" fw={650}>
                {KINDS[g.kind].plural}
              </Title>
            </Group>
            <Text size="xs" c="dimmed" aria-label={`${g.items.length} notes`}>
              {g.items.length}
            </Text>
          </Group>
          <CardStack {...props} items={g.items} />
        </section>
      ))}
    </div>
  );
}

/** Narrow screens: the same groups as tabs, with "All" first. */
export function KindTabs(props: ViewProps) {
  const groups = groupByKind(props.items);
  const [tab, setTab] = useState<string>('all');
  const current = tab === 'all' || groups.some((g) => g.kind === tab) ? tab : 'all';
  return (
    <Tabs value={current} onChange={(v) => setTab(v ?? 'all')} keepMounted={false}>
      <Tabs.List mb="md" style={{ flexWrap: 'wrap' }}>
        <Tabs.Tab value="all">All {props.items.length}</Tabs.Tab>
        {groups.map((g) => (
          <Tabs.Tab
            key={g.kind}
            value={g.kind}
            leftSection={<KindIcon kind={g.kind as ContributionKind} size={12} />}
          >
            {KINDS[g.kind].plural} {g.items.length}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="all">
        <CardStack {...props} items={[...props.items].sort(byNewest)} />
      </Tabs.Panel>
      {groups.map((g) => (
        <Tabs.Panel key={g.kind} value={g.kind}>
          <CardStack {...props} items={g.items} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
