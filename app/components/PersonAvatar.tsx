import { Avatar, type AvatarProps } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import classes from './PersonAvatar.module.css';

const COLORS = ['blue', 'cyan', 'teal', 'green', 'orange', 'red', 'pink', 'grape', 'violet', 'indigo'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

function ink(color: string): CSSProperties {
  return {
    '--avatar-ink': `var(--mantine-color-${color}-ink)`,
  } as CSSProperties;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A person's initials on a colour derived from their id; null means Anonymous: a neutral, identical avatar. */
export function PersonAvatar({
  person,
  ...props
}: { person: { id: string; name: string } | null } & Omit<AvatarProps, 'children' | 'color'>) {
  if (!person) {
    return (
      <Avatar
        color="gray"
        variant="light"
        radius="xl"
        aria-hidden
        style={ink('gray')}
        classNames={classes}
        {...props}
      >
        <IconUser size="60%" stroke={1.6} />
      </Avatar>
    );
  }
  const color = COLORS[hash(person.id) % COLORS.length] ?? 'gray';
  return (
    <Avatar
      color={color}
      variant="light"
      radius="xl"
      aria-hidden
      style={ink(color)}
      classNames={classes}
      {...props}
    >
      {initials(person.name)}
    </Avatar>
  );
}
