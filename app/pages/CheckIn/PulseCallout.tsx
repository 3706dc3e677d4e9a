import { Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconHeartHandshake } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Pulse } from '../../../contract/pulses.js';
import { isOpen } from '../../api/pulses.js';
import { PulseDialog } from './PulseForm.js';

/**
 * The open pulses I am asked to answer, each as a quiet call to action; once answered, a line saying so.
 * `aboutOf` names what a pulse is about (an inquiry's title, or the team).
 */
export function PulseCallouts({
  pulses,
  aboutOf,
}: {
  pulses: Pulse[] | undefined;
  aboutOf: (p: Pulse) => string;
}) {
  const [openId, setOpenId] = useState<string | null>(null);
  // `?pulse=<id>` (from the inbox) opens that pulse's form once the pulses are here, unless it is answered
  // already. Only once: the form stays open on its thank-you after answering.
  const [params] = useSearchParams();
  const wanted = params.get('pulse');
  const handled = useRef<string | null>(null);
  useEffect(() => {
    if (!wanted || !pulses || handled.current === wanted) return;
    handled.current = wanted;
    if (pulses.some((p) => p.id === wanted && isOpen(p) && !p.answeredByMe)) setOpenId(wanted);
  }, [wanted, pulses]);
  const open = (pulses ?? []).filter((p) => isOpen(p));
  if (open.length === 0) return null;
  const current = open.find((p) => p.id === openId);
  return (
    <Stack gap="xs">
      {open.map((p) => (
        <PulseCallout key={p.id} pulse={p} about={aboutOf(p)} onAnswer={() => setOpenId(p.id)} />
      ))}
      {current && (
        <PulseDialog pulse={current} about={aboutOf(current)} opened onClose={() => setOpenId(null)} />
      )}
    </Stack>
  );
}

function PulseCallout({ pulse, about, onAnswer }: { pulse: Pulse; about: string; onAnswer: () => void }) {
  if (pulse.answeredByMe) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="pulse-answered">
        <ThemeIcon color="green" variant="light" radius="xl" size={22} aria-hidden>
          <IconCheck size={14} />
        </ThemeIcon>
        <Text size="sm" c="dimmed">
          You have answered the team pulse ({about}). Results appear as an average after it closes, if at
          least {pulse.threshold} people answered.
        </Text>
      </Group>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={`Team pulse: ${about}`}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          <ThemeIcon color="teal" variant="light" radius="xl" size={32} aria-hidden>
            <IconHeartHandshake size={18} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              How safe does it feel to speak up here? ({about})
            </Text>
            <Text size="xs" c="dimmed">
              Seven short statements, about a minute. Anonymous: only the group’s average is shown.
            </Text>
          </Stack>
        </Group>
        <Button size="xs" variant="light" onClick={onAnswer}>
          Answer the pulse
        </Button>
      </Group>
    </Paper>
  );
}
