import { Group, Text, ThemeIcon, Title, type TitleOrder } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

/**
 * The head of a board panel (help requests, subtasks, commitments): an icon in the panel's colour, the
 * heading (its id labels the section), a line saying what the panel is for or where it stands, and an
 * optional action on the right.
 */
export function PanelHeader({
  icon: Icon,
  color,
  title,
  titleId,
  order = 2,
  aside,
  description,
  action,
}: {
  icon: ComponentType<{ size?: number }>;
  color: string;
  title: string;
  titleId: string;
  order?: TitleOrder;
  /** Quiet words after the title, such as "· 2 waiting". */
  aside?: ReactNode;
  description: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color={color} variant="light" size={30} radius="md" aria-hidden>
          <Icon size={18} />
        </ThemeIcon>
        <div>
          <Title order={order} size="h4" id={titleId}>
            {title}
            {aside && (
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                {aside}
              </Text>
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
      </Group>
      {action}
    </Group>
  );
}
