import { Group, Indicator, Text, Tooltip } from '@mantine/core';
import type { PresenceUser } from '../../../contract/live.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { KINDS } from '../../kinds.js';

const MAX_FACES = 5;

/** Who has the board open right now, and who is writing what (never for an anonymous note). */
export function Presence({ present, myId }: { present: PresenceUser[]; myId: string | undefined }) {
  const others = dedupe(present).filter((u) => u.id !== myId);
  if (others.length === 0) return null;
  const writing = others.filter((u) => u.typing);
  const names = others.map((u) => u.name).join(', ');
  return (
    <Group gap={8} wrap="nowrap" role="group" aria-label={`Here now: ${names}`}>
      <Group gap={4} wrap="nowrap">
        {others.slice(0, MAX_FACES).map((u) => (
          <Tooltip key={u.id} label={`${u.name} is here`}>
            <Indicator color="green" size={8} offset={3} position="bottom-end" withBorder>
              <PersonAvatar person={u} size={24} />
            </Indicator>
          </Tooltip>
        ))}
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {writing.length > 0
          ? writing
              .map((u) => `${u.name} is writing ${article(KINDS[u.typing ?? 'idea'].label.toLowerCase())}…`)
              .join(' ')
          : `${others.length} here now`}
      </Text>
    </Group>
  );
}

function dedupe(users: PresenceUser[]): PresenceUser[] {
  const byId = new Map<string, PresenceUser>();
  for (const u of users) {
    const seen = byId.get(u.id);
    if (!seen || (!seen.typing && u.typing)) byId.set(u.id, u);
  }
  return [...byId.values()];
}

function article(word: string): string {
  if (word === 'evidence') return 'evidence';
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
