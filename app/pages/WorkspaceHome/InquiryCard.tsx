import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconMessages, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { InquirySummary } from '../../../contract/inquiries.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { PhaseBadge } from '../../components/PhaseBadge.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import classes from './WorkspaceHome.module.css';

export function InquiryCard({ inquiry }: { inquiry: InquirySummary }) {
  const waiting = inquiry.myContributionCount === 0 && inquiry.phase !== 'concluded';
  const notes = inquiry.contributionCount;
  const people = inquiry.participantCount;
  return (
    <Card className={classes.inquiryCard} p="lg" component="article">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text component="h3" fw={650} size="lg" lh={1.3} className={classes.inquiryTitle}>
            <Link to={`/i/${inquiry.id}`} className={classes.stretched}>
              {inquiry.title}
            </Link>
          </Text>
          <PhaseBadge phase={inquiry.phase} />
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {inquiry.question}
        </Text>
        <Group gap="md" wrap="wrap" className={classes.meta}>
          <Group gap={6} wrap="nowrap">
            <PersonAvatar person={inquiry.facilitator} size={20} />
            <Text size="xs" c="dimmed">
              Facilitated by {inquiry.facilitator.name}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconUsers size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {people} {people === 1 ? 'person' : 'people'}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <IconMessages size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {notes} {notes === 1 ? 'note' : 'notes'}
            </Text>
          </Group>
          <RelativeTime iso={inquiry.lastActivityAt} prefix="Active" />
        </Group>
        {waiting && (
          <Badge variant="light" color="accent" radius="sm" className={classes.waiting} tt="none">
            You haven't contributed yet
          </Badge>
        )}
      </Stack>
    </Card>
  );
}
