import { useElementSize } from '@mantine/hooks';
import type { ReactNode } from 'react';
import classes from './Console.module.css';

/**
 * A chart's box: measured once per resize and handed to the chart as plain numbers (recharts' own
 * `responsive` mode re-measured its text on every pass and cost seconds on a busy machine). The picture
 * is one image to assistive technology, named by `label`; the figures are in a table beside it.
 */
export function ChartFrame({
  label,
  height,
  maxWidth,
  children,
}: {
  label: string;
  height: number;
  maxWidth?: number;
  children: (size: { width: number; height: number }) => ReactNode;
}) {
  const { ref, width } = useElementSize();
  const w = Math.floor(maxWidth ? Math.min(width, maxWidth) : width);
  return (
    <div ref={ref} className={classes.chart} role="img" aria-label={label} style={{ height }}>
      {w > 0 && children({ width: w, height })}
    </div>
  );
}
