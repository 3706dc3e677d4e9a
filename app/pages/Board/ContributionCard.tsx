import { ActionIcon, Badge, Button, Group, Menu, Paper, Text } from '@mantine/core';
import { IconDots, IconHandStop, IconMessageReply, IconPencil, IconTrash } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import type { Contribution } from '../../../contract/contributions.js';
import type { ContributionState } from '../../../domain/model.js';
import { KindLabel } from '../../components/KindLabel.js';
import { Markdown } from '../../components/Markdown.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { KINDS } from '../../kinds.js';
import { HelpedButton, LensBadge } from './Acknowledge.js';
import classes from './Board.module.css';
import { displayName, type Reply } from './boardModel.js';
import { Confidence } from './Confidence.js';
import { ReplyList } from './ReplyList.js';
import { StateMenu } from './StateMenu.js';
import { isTemp } from './useBoardData.js';

/** What a card needs to know about the viewer, and what it can ask the board to do. */
export interface CardActions {
  canModerate: boolean;
  onReply: (c: Contribution) => void;
  onEdit: (c: Contribution) => void;
  onDelete: (c: Contribution) => void;
  onState: (c: Contribution, state: ContributionState) => void;
  /** "I'm stuck on this": ask the group for help about this note; absent once the inquiry is concluded. */
  onStuck?: (c: Contribution) => void;
}

export function ContributionCard({
  contribution: c,
  replies = [],
  actions,
}: {
  contribution: Contribution;
  replies?: Reply[];
  actions: CardActions;
}) {
  const pending = isTemp(c.id);
  const kind = KINDS[c.kind];
  const name = displayName(c);
  const canChange = !pending && (c.isMine || actions.canModerate);
  const canDelete = canChange;
  const canEdit = !pending && c.isMine;
  const style = { '--kind-color': `var(--mantine-color-${kind.color}-filled)` } as CSSProperties;

  return (
    <Paper
      component="article"
      withBorder
      className={`${classes.card} ${pending ? classes.pending : ''}`}
      style={style}
      id={`note-${c.id}`}
      tabIndex={-1}
      aria-label={`${kind.label} by ${name}${c.isMine ? ' (you)' : ''}`}
      aria-busy={pending || undefined}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={8}>
        <KindLabel kind={c.kind} size="xs" />
        <Group gap={4} wrap="nowrap">
          <StateMenu contribution={c} canChange={canChange} onChange={(s) => actions.onState(c, s)} />
          {!pending && (canEdit || canDelete || actions.onStuck) && (
            <Menu position="bottom-end" shadow="md" width={200}>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label="More actions for this note">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.onStuck && (
                  <Menu.Item leftSection={<IconHandStop size={14} />} onClick={() => actions.onStuck?.(c)}>
                    I’m stuck on this…
                  </Menu.Item>
                )}
                {canEdit && (
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.onEdit(c)}>
                    Edit
                  </Menu.Item>
                )}
                {canDelete && (
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => actions.onDelete(c)}
                  >
                    Delete
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>

      <Markdown source={c.body} />

      <Group justify="space-between" wrap="wrap" gap={8} mt={10}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <PersonAvatar person={c.anonymous ? null : c.author} size={22} />
          <Text size="xs" fw={500} truncate>
            {name}
          </Text>
          {c.isMine && (
            <Badge size="xs" variant="outline" color="gray" radius="sm" tt="none">
              you
            </Badge>
          )}
          <LensBadge perspective={c.perspective} />
          {pending ? (
            <Text size="xs" c="dimmed">
              Posting…
            </Text>
          ) : (
            <RelativeTime iso={c.createdAt} />
          )}
        </Group>
        <Group gap={8} wrap="nowrap" ml="auto">
          <Confidence level={c.confidence} />
          <HelpedButton contribution={c} disabled={pending} />
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            leftSection={<IconMessageReply size={14} />}
            onClick={() => actions.onReply(c)}
            disabled={pending}
            aria-label={`Reply to this ${kind.label.toLowerCase()}`}
          >
            Reply
          </Button>
        </Group>
      </Group>

      <ReplyList replies={replies} />
    </Paper>
  );
}
