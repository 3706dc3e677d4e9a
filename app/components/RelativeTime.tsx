import { Text, type TextProps, Tooltip } from '@mantine/core';
import { absoluteTime, relativeTime, useNow } from '../lib/time.js';

export function RelativeTime({ iso, prefix, ...props }: { iso: string; prefix?: string } & TextProps) {
  const now = useNow();
  return (
    <Tooltip label={absoluteTime(iso)}>
      <Text component="time" dateTime={iso} size="xs" c="dimmed" {...props}>
        {prefix ? `${prefix} ` : ''}
        {relativeTime(iso, now)}
      </Text>
    </Tooltip>
  );
}
