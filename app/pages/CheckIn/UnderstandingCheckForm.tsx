import { ActionIcon, Alert, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconLock } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { UnderstandingCheck } from '../../../contract/insights.js';
import { useRespondUnderstanding } from '../../api/understanding.js';
import { FormFooter } from '../../components/FormFooter.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';
import { initialOrder, move } from './ranking.js';

const FIELDS = ['ranking', 'theory'] as const;
const THEORY_MAX = 600;

export const STAGE_LINE: Record<UnderstandingCheck['stage'], string> = {
  exploring: 'as you start exploring',
  reflecting: 'now that you are reflecting',
};

/**
 * My private answer to a shared-understanding check: the candidate explanations in the order I find them
 * convincing (moved with buttons, so it works from the keyboard and with a screen reader) and my theory in
 * two sentences. Only the group's agreement is ever shown to anyone else.
 */
export function UnderstandingCheckForm({
  check,
  opened,
  onClose,
}: {
  check: UnderstandingCheck;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Rank the explanations privately"
      size="lg"
      fullScreen={false}
    >
      {/* Mounted only while open, so each opening starts from what is saved. */}
      {opened && <CheckForm check={check} onDone={onClose} />}
    </Modal>
  );
}

function CheckForm({ check, onDone }: { check: UnderstandingCheck; onDone: () => void }) {
  const respond = useRespondUnderstanding(check.inquiryId);
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);
  const labels = new Map(check.items.map((i) => [i.id, i.label]));
  const [order, setOrder] = useState(() =>
    initialOrder(
      check.items.map((i) => i.id),
      check.myResponse?.ranking,
    ),
  );
  const [theory, setTheory] = useState(check.myResponse?.theory ?? '');
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const listId = useId();

  const shift = (index: number, by: -1 | 1) => {
    const id = order[index];
    if (!id) return;
    const to = index + by;
    if (to < 0 || to >= order.length) return;
    setOrder(move(order, index, to));
    clear('ranking');
    setAnnouncement(`${labels.get(id)}: now ${to + 1} of ${order.length}.`);
    // Keep the focus on the item that moved: its button in the same direction, or the other one at an end.
    const edge = to === 0 || to === order.length - 1;
    const dir = edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    requestAnimationFrame(() => buttons.current.get(`${id}:${dir}`)?.focus());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset();
    respond.mutate(
      { checkId: check.id, body: { ranking: order, theory } },
      {
        onSuccess: () => {
          notifySuccess('Only you can see it. You can change it while the check is open.', 'Ranking saved');
          onDone();
        },
        onError: fromError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="My ranking and theory">
      <Stack gap="md">
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} p="sm">
          <Text size="sm">
            Your ranking and theory are private: nobody else sees them, not even the facilitator. The group
            only sees how much everyone agrees, and on which explanations it still splits.
          </Text>
        </Alert>

        <Stack gap={6}>
          <Text size="sm" fw={600} id={`${listId}-label`}>
            Most convincing first
          </Text>
          <Text size="xs" c="dimmed" id={`${listId}-help`}>
            Move each explanation up or down until the order says what you think {STAGE_LINE[check.stage]}.
          </Text>
          <ol
            aria-labelledby={`${listId}-label`}
            aria-describedby={`${listId}-help`}
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {order.map((id, index) => {
              const label = labels.get(id) ?? '';
              return (
                <li key={id} style={{ marginBottom: 6 }}>
                  <Paper withBorder p="xs" radius="md">
                    <Group gap="sm" wrap="nowrap" align="center">
                      <Text fw={650} size="sm" w={24} ta="center" aria-hidden>
                        {index + 1}
                      </Text>
                      <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                        <span className="sr-only">{`${index + 1}. `}</span>
                        {label}
                      </Text>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Move “${label}” up`}
                          disabled={index === 0}
                          onClick={() => shift(index, -1)}
                          ref={(el) => {
                            buttons.current.set(`${id}:up`, el);
                          }}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Move “${label}” down`}
                          disabled={index === order.length - 1}
                          onClick={() => shift(index, 1)}
                          ref={(el) => {
                            buttons.current.set(`${id}:down`, el);
                          }}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Group>
                  </Paper>
                </li>
              );
            })}
          </ol>
          {errors.ranking && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {errors.ranking}
            </Text>
          )}
          <div className="sr-only" aria-live="polite">
            {announcement}
          </div>
        </Stack>

        <Textarea
          label="Your current theory, in two sentences"
          description="What do you think is going on, and why? Nobody is marked on it; it is for you to compare later."
          placeholder="I think sales fell mainly because the new onboarding takes too long. The support tickets from the spring point that way."
          value={theory}
          onChange={(e) => {
            setTheory(e.currentTarget.value);
            clear('theory');
          }}
          error={errors.theory}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={THEORY_MAX}
          required
        />

        <FormFooter
          formError={formError}
          onCancel={onDone}
          busy={respond.isPending}
          submitLabel={check.myResponse ? 'Update my answer' : 'Save my answer'}
        />
      </Stack>
    </form>
  );
}
