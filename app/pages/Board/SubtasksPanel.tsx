import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconArrowDown,
  IconDots,
  IconHierarchy2,
  IconPencil,
  IconPlus,
  IconPuzzle,
  IconTrash,
} from '@tabler/icons-react';
import { type FormEvent, useId, useState } from 'react';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import type { Subtask } from '../../../contract/participation.js';
import { useSubtaskMutations, useSubtasks } from '../../api/participation.js';
import { FormFooter } from '../../components/FormFooter.js';
import { Markdown } from '../../components/Markdown.js';
import { PageError } from '../../components/PageState.js';
import { PanelHeader } from '../../components/PanelHeader.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { dueText } from './CommitmentsPanel.js';

// Cooperative mode: the facilitator splits a known task into subtasks, each assignee reports a result, and
// the facilitator assembles the results into the conclusion (which, in this mode, the facilitator adopts).

export const SUBTASK_STATUS: Record<Subtask['status'], { label: string; color: string }> = {
  todo: { label: 'To do', color: 'gray' },
  doing: { label: 'Doing', color: 'blue' },
  done: { label: 'Done', color: 'green' },
};

export const COOPERATIVE_LINE =
  'Cooperative: the facilitator splits the task and keeps the authority; each assignee delivers a result; the facilitator assembles them.';

/** Brings the conclusion panel (the assembly) into view, when the board shows it. */
function goToConclusion(): boolean {
  const byId = document.getElementById('conclusion');
  const heading =
    byId ??
    [...document.querySelectorAll('h2, h3')]
      .find((h) => /conclusion/i.test(h.textContent ?? ''))
      ?.closest('section');
  if (!heading) return false;
  heading.scrollIntoView({ block: 'start', behavior: 'smooth' });
  if (heading instanceof HTMLElement) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  return true;
}

export function CooperativeBanner() {
  return (
    <Alert
      variant="light"
      color="orange"
      radius="md"
      icon={<IconHierarchy2 size={18} aria-hidden />}
      title="Cooperative inquiry"
      styles={{ title: { color: 'var(--mantine-color-orange-ink)' } }}
    >
      <Text size="sm">{COOPERATIVE_LINE}</Text>
    </Alert>
  );
}

export function SubtasksPanel({
  detail,
  myId,
  canModerate,
}: {
  detail: InquiryDetail;
  myId: string | undefined;
  canModerate: boolean;
}) {
  const { inquiry, participants } = detail;
  const list = useSubtasks(inquiry.id, inquiry.lastSeq);
  const { create, update, remove } = useSubtaskMutations(inquiry.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const headingId = useId();
  const people = participants.map((p) => ({ value: p.user.id, label: p.user.name }));
  const items = list.data?.items ?? [];
  const done = items.filter((s) => s.status === 'done').length;
  const mine = items.filter((s) => s.assignee.id === myId);
  const others = items.filter((s) => s.assignee.id !== myId);
  const ordered = canModerate ? items : [...mine, ...others];

  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby={headingId}
      style={{ borderTop: '3px solid var(--mantine-color-orange-filled)' }}
    >
      <Stack gap="md">
        <PanelHeader
          icon={IconPuzzle}
          color="orange"
          title="Subtasks"
          titleId={headingId}
          description={
            items.length === 0
              ? canModerate
                ? 'Split the task into parts, one owner each.'
                : 'The facilitator has not split the task yet.'
              : `${done} of ${items.length} done${mine.length ? ` · ${mine.length} assigned to you` : ''}`
          }
          action={
            canModerate &&
            !adding && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
                Add a subtask
              </Button>
            )
          }
        />

        {adding && (
          <SubtaskForm
            people={people}
            initial={{ title: '', detail: '', assigneeId: null, dueDate: '' }}
            submitLabel="Add subtask"
            busy={create.isPending}
            onCancel={() => setAdding(false)}
            onSubmit={(body, errors) =>
              create.mutate(body, {
                onSuccess: () => {
                  setAdding(false);
                  notifySuccess('Subtask added.');
                },
                onError: (e) => errors.fromError(e),
              })
            }
          />
        )}

        {list.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Loading subtasks…
            </Text>
          </Group>
        ) : list.isError ? (
          <PageError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          items.length > 0 && (
            <SimpleGrid
              cols={{ base: 1, md: 2 }}
              spacing="sm"
              component="ul"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {ordered.map((s) =>
                editing === s.id ? (
                  <li key={s.id}>
                    <SubtaskForm
                      people={people}
                      initial={{
                        title: s.title,
                        detail: s.detail,
                        assigneeId: s.assignee.id,
                        dueDate: s.dueDate ?? '',
                      }}
                      submitLabel="Save"
                      busy={update.isPending}
                      onCancel={() => setEditing(null)}
                      onSubmit={(body, errors) =>
                        update.mutate(
                          { id: s.id, body },
                          { onSuccess: () => setEditing(null), onError: (e) => errors.fromError(e) },
                        )
                      }
                    />
                  </li>
                ) : (
                  <SubtaskCard
                    key={s.id}
                    s={s}
                    isMine={s.assignee.id === myId}
                    canManage={canModerate}
                    onEdit={() => setEditing(s.id)}
                    onDelete={() =>
                      remove.mutate(s.id, {
                        onSuccess: () => notifySuccess('Subtask removed.'),
                        onError: (e) => notifyError(e, 'Could not remove the subtask'),
                      })
                    }
                    onReport={(body, onDone) =>
                      update.mutate(
                        { id: s.id, body },
                        {
                          onSuccess: () => onDone?.(),
                          onError: (e) => notifyError(e, 'Your report was not saved'),
                        },
                      )
                    }
                  />
                ),
              )}
            </SimpleGrid>
          )
        )}

        {canModerate && items.length > 0 && <Assembly items={items} />}
      </Stack>
    </Paper>
  );
}

/** The facilitator's assembly input: every result side by side, and the way to the conclusion. */
function Assembly({ items }: { items: Subtask[] }) {
  const headingId = useId();
  const delivered = items.filter((s) => s.result.trim());
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="sm">
        <div>
          <Title order={3} size="h5" id={headingId}>
            Assembly
          </Title>
          <Text size="sm" c="dimmed">
            {delivered.length === items.length
              ? 'Every result is in. Combine them into the conclusion and adopt it.'
              : `${delivered.length} of ${items.length} results delivered so far.`}
          </Text>
        </div>
        <Button
          size="xs"
          variant="light"
          rightSection={<IconArrowDown size={14} />}
          onClick={() => {
            if (!goToConclusion())
              notifySuccess(
                'The conclusion is proposed and adopted on the board once the inquiry is in synthesizing.',
                'No conclusion yet',
              );
          }}
        >
          Go to the conclusion
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {items.map((s) => (
          <Paper
            key={s.id}
            withBorder
            p="sm"
            radius="md"
            component="section"
            aria-label={`Result of ${s.title}`}
          >
            <Group gap={6} wrap="nowrap" mb={6}>
              <PersonAvatar person={s.assignee} size={20} />
              <Text size="xs" fw={600} truncate>
                {s.title}
              </Text>
            </Group>
            {s.result.trim() ? (
              <Markdown source={s.result} fz="sm" />
            ) : (
              <Text size="sm" c="dimmed" fs="italic">
                Waiting for {s.assignee.name}.
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function SubtaskCard({
  s,
  isMine,
  canManage,
  onEdit,
  onDelete,
  onReport,
}: {
  s: Subtask;
  isMine: boolean;
  canManage: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onReport: (body: { status?: Subtask['status']; result?: string }, onDone?: () => void) => void;
}) {
  const [result, setResult] = useState(s.result);
  const [writing, setWriting] = useState(false);
  const due = dueText(s.dueDate, s.status === 'done' ? 'done' : 'open');
  const canReport = isMine || canManage;
  const resultId = useId();
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      aria-label={`Subtask: ${s.title}`}
      style={isMine ? { borderColor: 'var(--mantine-color-orange-outline)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {s.title}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Badge size="xs" variant="light" color={SUBTASK_STATUS[s.status].color} radius="sm" tt="none">
              {SUBTASK_STATUS[s.status].label}
            </Badge>
            {canManage && (
              <Menu position="bottom-end" shadow="md" width={160}>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`More for “${s.title}”`}>
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                    Edit
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Group gap={6} wrap="nowrap">
            <PersonAvatar person={s.assignee} size={20} />
            <Text size="xs">
              {s.assignee.name}
              {isMine ? ' (you)' : ''}
            </Text>
          </Group>
          {due && (
            <Text size="xs" c={due.startsWith('Overdue') ? 'var(--mantine-color-error)' : 'dimmed'}>
              {due}
            </Text>
          )}
        </Group>
        {s.detail.trim() && <Markdown source={s.detail} fz="sm" />}

        {canReport && (
          <SegmentedControl
            size="xs"
            value={s.status}
            onChange={(v) => onReport({ status: v as Subtask['status'] })}
            aria-label={`Status of ${s.title}`}
            data={(Object.keys(SUBTASK_STATUS) as Subtask['status'][]).map((k) => ({
              value: k,
              label: SUBTASK_STATUS[k].label,
            }))}
          />
        )}

        {writing ? (
          <Stack gap={6}>
            <Textarea
              id={resultId}
              label="Result"
              description="Markdown: what you found or made, and where it is."
              value={result}
              onChange={(e) => setResult(e.currentTarget.value)}
              autosize
              minRows={3}
              maxRows={12}
              autoFocus
            />
            <Group justify="flex-end" gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setResult(s.result);
                  setWriting(false);
                }}
              >
                Cancel
              </Button>
              <Button
                size="xs"
                onClick={() =>
                  onReport(
                    { result, ...(result.trim() && s.status === 'todo' ? { status: 'doing' as const } : {}) },
                    () => {
                      setWriting(false);
                      notifySuccess('Result saved.');
                    },
                  )
                }
              >
                Save result
              </Button>
            </Group>
          </Stack>
        ) : s.result.trim() ? (
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Result
            </Text>
            <Markdown source={s.result} fz="sm" />
            {canReport && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setWriting(true)}
                style={{ alignSelf: 'flex-start' }}
              >
                Edit result
              </Button>
            )}
          </Stack>
        ) : canReport ? (
          <Button
            size="xs"
            variant="light"
            color="orange"
            onClick={() => setWriting(true)}
            style={{ alignSelf: 'flex-start' }}
            styles={{ root: { color: 'var(--mantine-color-orange-ink)' } }}
          >
            Report a result
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            No result yet.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

interface FormValues {
  title: string;
  detail: string;
  assigneeId: string | null;
  dueDate: string;
}

const FIELDS = ['title', 'detail', 'assigneeId', 'dueDate'] as const;

function SubtaskForm({
  people,
  initial,
  submitLabel,
  busy,
  onCancel,
  onSubmit,
}: {
  people: { value: string; label: string }[];
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (
    body: { title: string; detail: string; assigneeId: string; dueDate: string | null },
    errors: ReturnType<typeof useFormErrors>,
  ) => void;
}) {
  const [v, setV] = useState(initial);
  const errors = useFormErrors(FIELDS);
  const [local, setLocal] = useState<Record<string, string>>({});
  const shown = { ...errors.errors, ...local };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errors.reset();
    const missing: Record<string, string> = {};
    if (!v.title.trim()) missing.title = 'Give the subtask a title.';
    if (!v.assigneeId) missing.assigneeId = 'Pick who does it.';
    setLocal(missing);
    if (!v.assigneeId || Object.keys(missing).length > 0) return;
    onSubmit(
      { title: v.title.trim(), detail: v.detail, assigneeId: v.assigneeId, dueDate: v.dueDate || null },
      errors,
    );
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} aria-label={submitLabel}>
      <Stack gap="sm">
        <TextInput
          label="Title"
          placeholder="Pull the Q3 churn numbers by shop size"
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
          error={shown.title}
          autoFocus
        />
        <Textarea
          label="Detail"
          description="Markdown: what done looks like, where to find things."
          value={v.detail}
          onChange={(e) => setV({ ...v, detail: e.currentTarget.value })}
          error={shown.detail}
          autosize
          minRows={2}
          maxRows={8}
        />
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <Select
            label="Assignee"
            data={people}
            value={v.assigneeId}
            onChange={(assigneeId) => setV({ ...v, assigneeId })}
            error={shown.assigneeId}
            searchable
            style={{ minWidth: 160 }}
          />
          <TextInput
            label="Due date"
            type="date"
            value={v.dueDate}
            onChange={(e) => setV({ ...v, dueDate: e.currentTarget.value })}
            error={shown.dueDate}
            style={{ minWidth: 150 }}
          />
        </Group>
        <FormFooter formError={errors.formError} onCancel={onCancel} busy={busy} submitLabel={submitLabel} />
      </Stack>
    </Paper>
  );
}
