import type { CSSProperties } from 'react';

// Chart styling shared by the console's recharts: Mantine's colours and text, so the charts follow the
// light and dark schemes like the rest of the app.

/** Series colours, distinct from each other in both schemes (colour is never the only signal: legends name them). */
export const SERIES_COLORS = [
  'accent',
  'teal',
  'orange',
  'grape',
  'cyan',
  'pink',
  'lime',
  'yellow',
  'red',
  'green',
];

export function seriesColor(index: number): string {
  return `var(--mantine-color-${SERIES_COLORS[index % SERIES_COLORS.length]}-filled)`;
}

export const axisTick = { fill: 'var(--mantine-color-dimmed)', fontSize: 12 };
export const gridStroke = 'var(--mantine-color-default-border)';

export const tooltipStyle: CSSProperties = {
  background: 'var(--mantine-color-body)',
  border: '1px solid var(--mantine-color-default-border)',
  borderRadius: 8,
  color: 'var(--mantine-color-text)',
  fontSize: 13,
};

export const legendStyle: CSSProperties = { fontSize: 12, color: 'var(--mantine-color-text)' };
