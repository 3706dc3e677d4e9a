import {
  type Announcements,
  closestCenter,
  DndContext,
  KeyboardSensor,
  type Modifier,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Alert, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconLock } from '@tabler/icons-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { UnderstandingCheck } from '../../../contract/insights.js';
import { useRespondUnderstanding } from '../../api/understanding.js';
import { FormFooter } from '../../components/FormFooter.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';
import { initialOrder, move } from './ranking.js';

const FIELDS = ['ranking', 'theory'] as const;
const THEORY_MAX = 600;

const screenReaderInstructions = {
  draggable:
    'To pick up an explanation, press space or enter. Use the up and down arrow keys to move it, space or enter to drop it, escape to cancel. The move up and move down buttons do the same one step at a time.',
};

/** Dragging moves items up and down only. */
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

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
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Rank the explanations privately"
      size="lg"
      fullScreen={phone}
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
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on a button stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (id: UniqueIdentifier) => labels.get(String(id)) ?? '';
  const position = (id: UniqueIdentifier | undefined) =>
    id === undefined ? 0 : order.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${name(active.id)}, position ${position(active.id)} of ${order.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${name(active.id)} is over position ${position(over.id)} of ${order.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${name(active.id)} dropped at position ${position(over.id)} of ${order.length}.`
        : `${name(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} cancelled.`,
  };

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
          <DndContext
            sensors={sensors}
            collisionDetection={closestCenter}
            modifiers={[verticalOnly]}
            accessibility={{ announcements, screenReaderInstructions }}
            onDragEnd={({ active, over }) => {
              if (!over || active.id === over.id) return;
              const from = order.indexOf(String(active.id));
              const to = order.indexOf(String(over.id));
              setOrder(move(order, from, to));
              clear('ranking');
            }}
          >
            <SortableContext items={order} strategy={verticalListSortingStrategy}>
              <ol
                aria-labelledby={`${listId}-label`}
                aria-describedby={`${listId}-help`}
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
              >
                {order.map((id, index) => (
                  <RankedItem
                    key={id}
                    id={id}
                    label={labels.get(id) ?? ''}
                    index={index}
                    count={order.length}
                    onShift={(by) => shift(index, by)}
                    buttonRef={(dir, el) => {
                      buttons.current.set(`${id}:${dir}`, el);
                    }}
                  />
                ))}
              </ol>
            </SortableContext>
          </DndContext>
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

function RankedItem({
  id,
  label,
  index,
  count,
  onShift,
  buttonRef,
}: {
  id: string;
  label: string;
  index: number;
  count: number;
  onShift: (by: -1 | 1) => void;
  buttonRef: (dir: 'up' | 'down', el: HTMLButtonElement | null) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      style={{
        marginBottom: 6,
        transform: CSS.Translate.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
      }}
    >
      <Paper withBorder p="xs" radius="md" shadow={isDragging ? 'md' : undefined}>
        <Group gap="sm" wrap="nowrap" align="center">
          <ActionIcon
            variant="subtle"
            color="gray"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Drag “${label}”`}
            style={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
          >
            <IconGripVertical size={16} aria-hidden />
          </ActionIcon>
          <Text fw={650} size="sm" w={20} ta="center" aria-hidden>
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
              onClick={() => onShift(-1)}
              ref={(el) => buttonRef('up', el)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move “${label}” down`}
              disabled={index === count - 1}
              onClick={() => onShift(1)}
              ref={(el) => buttonRef('down', el)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      </Paper>
    </li>
  );
}
