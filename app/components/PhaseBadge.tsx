import { Badge } from '@mantine/core';
import type { Phase } from '../../domain/model.js';
import { PHASE_STYLES } from '../kinds.js';

const PHASE_COLORS: Record<Phase, string> = {
  framing: 'gray',
  exploring: 'blue',
  challenging: 'orange',
  synthesizing: 'grape',
  reflecting: 'teal',
  concluded: 'green',
};

export function PhaseBadge({ phase }: { phase: Phase }) {
  return (
    <Badge variant="light" color={PHASE_COLORS[phase]} radius="sm" style={{ flexShrink: 0 }}>
      {PHASE_STYLES[phase].label}
    </Badge>
  );
}
