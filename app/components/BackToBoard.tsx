import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The header crumb of the pages beside an inquiry's board (map, people, console). */
export function BackToBoard({ inquiryId }: { inquiryId: string }) {
  return (
    <Anchor component={Link} to={`/i/${inquiryId}`} size="sm" c="dimmed" visibleFrom="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        Back to the board
      </Group>
    </Anchor>
  );
}
