import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconEyeglass, IconHeartHandshake } from '@tabler/icons-react';
import type { Contribution } from '../../../contract/contributions.js';
import { useAcknowledge } from '../../api/participation.js';
import { notifyError } from '../../lib/notify.js';

/**
 * "This helped me" (promotive interaction): a toggle on someone else's note, with how many said so. On my
 * own note only the count shows — thanking yourself is not a thing.
 */
export function HelpedButton({
  contribution: c,
  disabled,
}: {
  contribution: Contribution;
  disabled?: boolean;
}) {
  const ack = useAcknowledge(c.inquiryId);
  const n = c.acknowledgements;
  if (c.isMine) {
    if (n === 0) return null;
    return (
      <Group gap={4} wrap="nowrap" aria-label={`${n} ${n === 1 ? 'person' : 'people'} said this helped them`}>
        <IconHeartHandshake size={14} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text size="xs" c="dimmed" aria-hidden>
          {n}
        </Text>
      </Group>
    );
  }
  const on = c.acknowledgedByMe;
  return (
    <Tooltip label={on ? 'You said this helped you — click to take it back' : 'Say this note helped you'}>
      <Button
        variant={on ? 'light' : 'subtle'}
        color={on ? 'pink' : 'gray'}
        size="compact-xs"
        leftSection={<IconHeartHandshake size={14} aria-hidden />}
        aria-pressed={on}
        aria-label={`This helped me${n > 0 ? `, ${n} so far` : ''}`}
        disabled={disabled}
        onClick={() =>
          ack.mutate({ id: c.id, on: !on }, { onError: (e) => notifyError(e, 'Could not save that') })
        }
        styles={on ? { root: { color: 'var(--mantine-color-pink-ink)' } } : undefined}
      >
        {n > 0 ? n : <span aria-hidden>Helped me</span>}
      </Button>
    </Tooltip>
  );
}

/** The lens the author wrote from (jigsaw perspectives); never on an anonymous note. */
export function LensBadge({ perspective }: { perspective: string | null }) {
  if (!perspective) return null;
  return (
    <Badge
      size="xs"
      variant="outline"
      color="gray"
      radius="sm"
      tt="none"
      leftSection={<IconEyeglass size={10} aria-hidden />}
      style={{ maxWidth: 140 }}
    >
      <span className="sr-only">Lens: </span>
      {perspective}
    </Badge>
  );
}
