import { Group, Text } from '@mantine/core';
import type { Confidence as Level } from '../../../domain/model.js';
import { CONFIDENCE_LABELS } from '../../kinds.js';

const BARS: Record<Level, number> = { unsure: 1, leaning: 2, confident: 3 };

/** Confidence without judgement: three quiet bars and the word. */
export function Confidence({ level }: { level: Level }) {
  const n = BARS[level];
  return (
    <Group gap={4} wrap="nowrap">
      <svg width="12" height="10" viewBox="0 0 12 10" aria-hidden focusable="false">
        {[0, 1, 2].map((i) => (
          <rect
            key={i}
            x={i * 4}
            y={6 - i * 3}
            width="3"
            height={4 + i * 3}
            rx="1"
            fill={i < n ? 'var(--mantine-color-dimmed)' : 'var(--mantine-color-default-border)'}
          />
        ))}
      </svg>
      <Text size="xs" c="dimmed">
        {CONFIDENCE_LABELS[level]}
      </Text>
    </Group>
  );
}
