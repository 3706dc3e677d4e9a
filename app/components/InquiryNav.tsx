import { Button, Group } from '@mantine/core';
import { IconGauge, IconLayoutBoard, IconSitemap, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/endpoints.js';
import { keys, useMe } from '../api/queries.js';

export type InquiryScreen = 'board' | 'map' | 'people' | 'console';

const SCREENS: { id: InquiryScreen; label: string; path: string; icon: typeof IconSitemap }[] = [
  { id: 'board', label: 'Board', path: '', icon: IconLayoutBoard },
  { id: 'map', label: 'Map', path: '/map', icon: IconSitemap },
  { id: 'people', label: 'People', path: '/people', icon: IconUsers },
  { id: 'console', label: 'Console', path: '/console', icon: IconGauge },
];

/** The console is the facilitator's (and the workspace owners'): only they are offered it. */
function useModerates(inquiryId: string): boolean {
  const me = useMe();
  // The page around the nav reads the inquiry already; this shares its cached answer.
  const detail = useQuery({
    queryKey: keys.inquiry(inquiryId),
    queryFn: ({ signal }) => api.inquiry(inquiryId, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const inquiry = detail.data?.inquiry;
  const myId = me.data?.user.id;
  if (!inquiry || !myId) return false;
  const role = me.data?.workspaces.find((w) => w.id === inquiry.workspaceId)?.role;
  return role === 'owner' || inquiry.facilitatorId === myId;
}

/** The inquiry's screens: the board of notes, the knowledge map, the people (accountability), the console. */
export function InquiryNav({ inquiryId, current }: { inquiryId: string; current: InquiryScreen }) {
  const moderates = useModerates(inquiryId);
  const screens = SCREENS.filter((s) => s.id !== 'console' || moderates || current === 'console');
  return (
    <Group component="nav" aria-label="Inquiry" gap={4} wrap="wrap">
      {screens.map((s) => {
        const here = s.id === current;
        return (
          <Button
            key={s.id}
            component={Link}
            to={`/i/${inquiryId}${s.path}`}
            size="compact-sm"
            variant={here ? 'light' : 'subtle'}
            color={here ? 'accent' : 'gray'}
            leftSection={<s.icon size={15} aria-hidden />}
            aria-current={here ? 'page' : undefined}
            styles={here ? undefined : { root: { color: 'var(--mantine-color-text)' } }}
          >
            {s.label}
          </Button>
        );
      })}
    </Group>
  );
}
