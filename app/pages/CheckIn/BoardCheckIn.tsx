import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconListNumbers } from '@tabler/icons-react';
import { useState } from 'react';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import type { UnderstandingCheck } from '../../../contract/insights.js';
import { useInquiryPulses } from '../../api/pulses.js';
import { openCheck, useUnderstandingChecks } from '../../api/understanding.js';
import { PulseCallouts } from './PulseCallout.js';
import { STAGE_LINE, UnderstandingCheckForm } from './UnderstandingCheckForm.js';

/**
 * What the board asks of me privately: the open shared-understanding check (rank the explanations, write my
 * theory) and the open pulse of this inquiry. Quiet until there is something to answer.
 */
export function BoardCheckIn({ detail, myId }: { detail: InquiryDetail; myId: string | undefined }) {
  const { inquiry } = detail;
  const involved = !!myId && detail.participants.some((p) => p.user.id === myId);
  // The team answers the pulse about itself; the facilitator who runs it does not.
  const answersPulse = involved && myId !== inquiry.facilitatorId;
  const checks = useUnderstandingChecks(inquiry.id, inquiry.lastSeq);
  const pulses = useInquiryPulses(inquiry.id, inquiry.lastSeq, answersPulse);
  const check = openCheck(checks.data?.items);
  const showCheck = involved && check && check.items.length >= 2;
  const hasPulse = answersPulse && pulses.data?.items.some((p) => p.closedAt === null);
  if (!showCheck && !hasPulse) return null;
  return (
    <Stack gap="xs">
      {showCheck && <UnderstandingCallout check={check} />}
      {answersPulse && <PulseCallouts pulses={pulses.data?.items} aboutOf={() => 'this inquiry'} />}
    </Stack>
  );
}

function UnderstandingCallout({ check }: { check: UnderstandingCheck }) {
  const [opened, setOpened] = useState(false);
  // The dialog stays at one place in the tree while the call to action turns into "answered" under it.
  return (
    <>
      {check.myResponse ? (
        <Group gap="xs" wrap="nowrap" data-testid="understanding-answered">
          <ThemeIcon color="green" variant="light" radius="xl" size={22} aria-hidden>
            <IconCheck size={14} />
          </ThemeIcon>
          <Text size="sm" c="dimmed">
            You have ranked the explanations privately.{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => setOpened(true)}>
              See or change my answer
            </Anchor>
          </Text>
        </Group>
      ) : (
        <Paper withBorder p="sm" radius="md" component="section" aria-label="Shared understanding check">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
              <ThemeIcon variant="light" radius="xl" size={32} aria-hidden>
                <IconListNumbers size={18} />
              </ThemeIcon>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  Before we go on: rank the explanations privately
                </Text>
                <Text size="xs" c="dimmed">
                  {check.items.length} explanations, {STAGE_LINE[check.stage]}, and two sentences of your
                  theory. Only the group’s agreement is shown.
                </Text>
              </Stack>
            </Group>
            <Button size="xs" variant="light" onClick={() => setOpened(true)}>
              Rank them
            </Button>
          </Group>
        </Paper>
      )}
      <UnderstandingCheckForm check={check} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
