import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { Contribution, Link } from '../../../contract/contributions.js';
import { LINKS } from '../../kinds.js';
import classes from './Board.module.css';
import { type Reply, threadRoots } from './boardModel.js';
import { type CardActions, ContributionCard } from './ContributionCard.js';

const MAX_DEPTH = 8;

function ThreadNode({
  note,
  replies,
  actions,
  path,
}: {
  note: Contribution;
  replies: Map<string, Reply[]>;
  actions: CardActions;
  path: Set<string>;
}) {
  const children = (replies.get(note.id) ?? []).filter((r) => !path.has(r.from.id));
  const nextPath = new Set(path).add(note.id);
  return (
    <>
      <ContributionCard contribution={note} actions={actions} />
      {children.length > 0 && path.size < MAX_DEPTH && (
        <ul className={classes.thread} aria-label="Replies">
          {children.map(({ link, from }) => {
            const L = LINKS[link.kind];
            return (
              <li key={link.id}>
                <Group gap={6} mb={4}>
                  <ThemeIcon size={18} radius="sm" variant="light" color={L.color} aria-hidden>
                    <L.icon size={12} stroke={2} />
                  </ThemeIcon>
                  <Text size="xs" c="dimmed">
                    {L.verb}
                  </Text>
                </Group>
                <ThreadNode note={from} replies={replies} actions={actions} path={nextPath} />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** The conversation as threads: notes that reply to nothing, oldest first, their replies beneath. */
export function ThreadsView({
  items,
  links,
  replies,
  actions,
}: {
  items: Contribution[];
  links: Link[];
  replies: Map<string, Reply[]>;
  actions: CardActions;
}) {
  const roots = threadRoots(items, links);
  return (
    <Stack gap="lg" maw={760} mx="auto">
      {roots.map((r) => (
        <div key={r.id}>
          <ThreadNode note={r} replies={replies} actions={actions} path={new Set()} />
        </div>
      ))}
    </Stack>
  );
}
