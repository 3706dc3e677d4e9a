import { Group, Text, ThemeIcon } from '@mantine/core';
import type { ContributionKind } from '../../domain/model.js';
import { KINDS } from '../kinds.js';

/** A kind's icon in its colour, with its name — never colour alone. */
export function KindLabel({ kind, size = 'sm' }: { kind: ContributionKind; size?: 'xs' | 'sm' | 'md' }) {
  const k = KINDS[kind];
  const Icon = k.icon;
  const box = size === 'xs' ? 18 : size === 'sm' ? 22 : 28;
  return (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon color={k.color} variant="light" size={box} radius="sm" aria-hidden>
        <Icon size={box * 0.7} stroke={1.8} />
      </ThemeIcon>
      <Text size={size} fw={600}>
        {k.label}
      </Text>
    </Group>
  );
}

export function KindIcon({ kind, size = 18 }: { kind: ContributionKind; size?: number }) {
  const k = KINDS[kind];
  const Icon = k.icon;
  return (
    <ThemeIcon color={k.color} variant="light" size={size + 6} radius="sm" aria-hidden>
      <Icon size={size * 0.85} stroke={1.8} />
    </ThemeIcon>
  );
}
