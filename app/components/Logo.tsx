import { Group, Text } from '@mantine/core';

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-accent-filled)" />
      <circle cx="12.5" cy="16" r="6" fill="none" stroke="white" strokeWidth="2.4" />
      <circle cx="19.5" cy="16" r="6" fill="none" stroke="white" strokeWidth="2.4" />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark size={size} />
      <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
        Colearn
      </Text>
    </Group>
  );
}
