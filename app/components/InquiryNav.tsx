import { Button, Group } from '@mantine/core';
import { IconLayoutBoard, IconSitemap, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';

export type InquiryScreen = 'board' | 'map' | 'people';

const SCREENS: { id: InquiryScreen; label: string; path: string; icon: typeof IconSitemap }[] = [
  { id: 'board', label: 'Board', path: '', icon: IconLayoutBoard },
  { id: 'map', label: 'Map', path: '/map', icon: IconSitemap },
  { id: 'people', label: 'People', path: '/people', icon: IconUsers },
];

/** The inquiry's screens: the board of notes, the knowledge map, and the people (accountability). */
export function InquiryNav({ inquiryId, current }: { inquiryId: string; current: InquiryScreen }) {
  return (
    <Group component="nav" aria-label="Inquiry" gap={4} wrap="nowrap">
      {SCREENS.map((s) => {
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
