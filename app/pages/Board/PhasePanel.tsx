import { Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowRight,
  IconCheck,
  IconChevronDown,
  IconHourglass,
  IconLock,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import type { GateStatus } from '../../../contract/mechanics.js';
import { nextPhase, previousPhase } from '../../../domain/mechanics/phases.js';
import { PHASES, type Phase } from '../../../domain/model.js';
import { isApiError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { PHASE_STYLES } from '../../kinds.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { PhaseStepper } from './PhaseStepper.js';

const OVERRIDE_FIELDS = ['overrideReason'] as const;

/** Who and what the gate into the next phase is waiting for, in words. */
function waitingFor(gate: GateStatus, names: Map<string, string>): string {
  const parts = [...gate.groupNeeds];
  for (const m of gate.missing) parts.push(`${names.get(m.userId) ?? 'someone'} (${m.needs.join(', ')})`);
  return parts.join('; ');
}

/** The phase stepper, what the next phase waits for, and — for the facilitator — the moves. */
export function PhasePanel({ detail, canModerate }: { detail: InquiryDetail; canModerate: boolean }) {
  const { inquiry, participants } = detail;
  const id = inquiry.id;
  const qc = useQueryClient();
  const next = nextPhase(inquiry.phase);
  const prev = previousPhase(inquiry.phase);
  const names = new Map(participants.map((p) => [p.user.id, p.user.name]));
  const [override, setOverride] = useState<{ phase: Phase; message: string } | null>(null);
  const [reason, setReason] = useState('');
  const reasonErrors = useFormErrors(OVERRIDE_FIELDS);

  const gate = useQuery({
    queryKey: [...keys.inquiry(id), 'gate', inquiry.phase, inquiry.lastActivityAt],
    queryFn: ({ signal }) => api.gate(id, signal),
    enabled: next !== null,
    placeholderData: (previous) => previous,
  });

  const move = useMutation({
    mutationFn: ({ phase, overrideReason }: { phase: Phase; overrideReason?: string }) =>
      api.movePhase(id, phase, overrideReason),
    onSuccess: ({ inquiry: moved }) => {
      qc.setQueryData<InquiryDetail>(keys.inquiry(id), (old) => (old ? { ...old, inquiry: moved } : old));
      setOverride(null);
      setReason('');
      reasonErrors.reset();
      notifySuccess(
        PHASE_STYLES[moved.phase].purpose,
        `Now ${PHASE_STYLES[moved.phase].label.toLowerCase()}`,
      );
    },
    onError: (e, vars) => {
      if (isApiError(e) && e.status === 409 && !vars.overrideReason && vars.phase === next) {
        reasonErrors.reset();
        setOverride({ phase: vars.phase, message: e.message });
      } else if (vars.overrideReason !== undefined) {
        // In the dialog: a reason too thin to record is shown under the field (body.overrideReason).
        reasonErrors.fromError(e);
      } else notifyError(e, 'The phase did not change');
    },
  });

  const at = PHASES.indexOf(inquiry.phase);
  const thinkFirst = (inquiry.privatePhases as readonly Phase[]).includes(inquiry.phase);
  const status = gate.data;

  return (
    <Stack gap={8}>
      <PhaseStepper phase={inquiry.phase} />
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {PHASE_STYLES[inquiry.phase].label}
            </Text>
            <Text span c="dimmed" size="sm">
              {' '}
              · phase {at + 1} of {PHASES.length} —{' '}
            </Text>
            {PHASE_STYLES[inquiry.phase].purpose}
          </Text>
          {thinkFirst && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconLock
                size={16}
                color="var(--mantine-color-dimmed)"
                aria-hidden
                style={{ flexShrink: 0, marginTop: 2 }}
              />
              <Text size="sm" c="dimmed">
                {inquiry.privateMode
                  ? 'A think-first phase: each person’s notes stay private to them and the facilitator until the group moves on, so everyone forms their own view first.'
                  : 'A think-first phase, but the notes have been made visible to everyone.'}
              </Text>
            </Group>
          )}
          {next && status && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              {status.met ? (
                <IconCheck
                  size={16}
                  color="var(--mantine-color-green-filled)"
                  aria-hidden
                  style={{ flexShrink: 0, marginTop: 2 }}
                />
              ) : (
                <IconHourglass
                  size={16}
                  color="var(--mantine-color-dimmed)"
                  aria-hidden
                  style={{ flexShrink: 0, marginTop: 2 }}
                />
              )}
              <Text size="sm" c="dimmed">
                {status.met
                  ? `Ready for ${PHASE_STYLES[next].label.toLowerCase()}.`
                  : `Before ${PHASE_STYLES[next].label.toLowerCase()}, waiting for: ${waitingFor(status, names)}.`}
              </Text>
            </Group>
          )}
        </Stack>
        {canModerate && (next || prev) && (
          <Group gap={0} wrap="nowrap">
            {next && (
              <Button
                size="xs"
                variant={status?.met ? 'filled' : 'default'}
                rightSection={<IconArrowRight size={14} />}
                loading={move.isPending && move.variables?.phase === next}
                onClick={() => move.mutate({ phase: next })}
                style={prev ? { borderTopRightRadius: 0, borderBottomRightRadius: 0 } : undefined}
              >
                Move to {PHASE_STYLES[next].label.toLowerCase()}
              </Button>
            )}
            {prev && (
              <Menu position="bottom-end" shadow="md">
                <Menu.Target>
                  <Button
                    size="xs"
                    variant="default"
                    px={6}
                    aria-label="More phase moves"
                    style={
                      next ? { borderTopLeftRadius: 0, borderBottomLeftRadius: 0, marginLeft: -1 } : undefined
                    }
                  >
                    <IconChevronDown size={14} />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={<IconArrowBackUp size={14} />}
                    onClick={() => move.mutate({ phase: prev })}
                  >
                    Back to {PHASE_STYLES[prev].label.toLowerCase()}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        )}
      </Group>

      <Modal
        opened={override !== null}
        onClose={() => setOverride(null)}
        title={override ? `Move to ${PHASE_STYLES[override.phase].label.toLowerCase()} anyway?` : ''}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (override) move.mutate({ phase: override.phase, overrideReason: reason });
          }}
        >
          <Stack gap="md">
            <Text size="sm">{override?.message}</Text>
            <Textarea
              label="Why move on now?"
              description="Recorded with what was still missing, and visible to the group."
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                reasonErrors.clear('overrideReason');
              }}
              error={reasonErrors.errors.overrideReason}
              autosize
              minRows={2}
              data-autofocus
            />
            {reasonErrors.formError && (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                {reasonErrors.formError}
              </Text>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setOverride(null)}>
                Wait for the group
              </Button>
              <Button type="submit" loading={move.isPending} disabled={!reason.trim()}>
                Move anyway
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
