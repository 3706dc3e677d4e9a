import {
  ActionIcon,
  Box,
  Button,
  Drawer,
  Group,
  Indicator,
  Loader,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowForwardUp,
  IconAt,
  IconBell,
  IconChecks,
  IconHeartHandshake,
  IconLifebuoy,
  IconMessageCheck,
  IconRoute,
  IconScale,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../../contract/notifications.js';
import type { NotificationKind } from '../../domain/model.js';
import { useMarkRead, useNotifications } from '../api/notifications.js';
import { notificationHref, notificationText } from '../lib/notifications.js';
import { notifyError } from '../lib/notify.js';
import classes from './NotificationBell.module.css';
import { PageError } from './PageState.js';
import { RelativeTime } from './RelativeTime.js';

// The inbox in the header: how many are unread, and a drawer that lists them newest first in plain words.
// Opening one marks it read and goes to what it is about (a note on the board, a help request, the inquiry).

const KIND: Record<NotificationKind, { icon: ComponentType<{ size?: number }>; color: string }> = {
  mention: { icon: IconAt, color: 'blue' },
  reply: { icon: IconArrowForwardUp, color: 'teal' },
  help_request: { icon: IconLifebuoy, color: 'orange' },
  help_answered: { icon: IconMessageCheck, color: 'green' },
  phase_changed: { icon: IconRoute, color: 'violet' },
  consent_needed: { icon: IconScale, color: 'grape' },
  pulse_open: { icon: IconHeartHandshake, color: 'teal' },
};

export function NotificationBell() {
  const [opened, { open: onOpen, close: onClose }] = useDisclosure(false);
  const inbox = useNotifications();
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <>
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={18}
        offset={4}
        disabled={unread === 0}
        color="red"
        withBorder
      >
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          radius="xl"
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={opened}
          onClick={onOpen}
          data-testid="notification-bell"
          data-unread={unread}
        >
          <IconBell size={20} />
        </ActionIcon>
      </Indicator>
      <Drawer
        opened={opened}
        onClose={onClose}
        position="right"
        size="md"
        title={
          <Text fw={600} component="span">
            Notifications
          </Text>
        }
      >
        <Inbox onClose={onClose} />
      </Drawer>
    </>
  );
}

function Inbox({ onClose }: { onClose: () => void }) {
  const inbox = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;

  const open = (n: Notification) => {
    if (n.readAt === null)
      markRead.mutate([n.id], { onError: (e) => notifyError(e, 'Could not mark it read') });
    const href = notificationHref(n);
    if (href) {
      onClose();
      navigate(href);
    }
  };

  if (inbox.isPending)
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      </Group>
    );
  if (inbox.isError) return <PageError error={inbox.error} onRetry={() => inbox.refetch()} />;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {unread === 0 ? 'All read.' : `${unread} unread`}
        </Text>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconChecks size={14} />}
          disabled={unread === 0}
          onClick={() =>
            markRead.mutate(undefined, { onError: (e) => notifyError(e, 'Could not mark them read') })
          }
        >
          Mark all read
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet. You will hear here when someone mentions you, replies to your note, asks for help,
          answers your request, moves an inquiry on, needs your consent to a conclusion, or asks you to answer a pulse.
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((n) => (
            <li key={n.id}>
              <NotificationRow n={n} onOpen={() => open(n)} />
            </li>
          ))}
        </Stack>
      )}
      {inbox.hasNextPage && (
        <Button
          variant="subtle"
          size="compact-sm"
          loading={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          Show older
        </Button>
      )}
    </Stack>
  );
}

function NotificationRow({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const kind = KIND[n.kind];
  const Icon = kind.icon;
  const unread = n.readAt === null;
  return (
    <UnstyledButton onClick={onOpen} className={classes.row} data-unread={unread || undefined}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={kind.color} radius="xl" size={30} aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={unread ? 600 : 400}>
            {unread && <span className="sr-only">Unread: </span>}
            {notificationText(n)}
          </Text>
          {n.summary && (
            <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {n.summary}
            </Text>
          )}
          <Group gap={6} wrap="nowrap">
            {n.inquiryTitle && (
              <Text size="xs" c="dimmed" truncate>
                {n.inquiryTitle}
              </Text>
            )}
            <RelativeTime iso={n.createdAt} />
          </Group>
        </Box>
        {unread && <span className={classes.dot} aria-hidden />}
      </Group>
    </UnstyledButton>
  );
}
