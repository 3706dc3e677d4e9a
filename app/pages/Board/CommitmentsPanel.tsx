import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconCheck,
  IconDots,
  IconListCheck,
  IconPencil,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { type FormEvent, useId, useState } from 'react';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import type { Commitment } from '../../../contract/participation.js';
import { useCommitmentMutations, useCommitments } from '../../api/participation.js';
import { FormFooter } from '../../components/FormFooter.js';
import { PageError } from '../../components/PageState.js';
import { PanelHeader } from '../../components/PanelHeader.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';

// Commitments: the actions that come out of the conclusion, each with an owner, a due date and a status.

const STATUS: Record<Commitment['status'], { label: string; color: string }> = {
  open: { label: 'Open', color: 'blue' },
  done: { label: 'Done', color: 'green' },
  dropped: { label: 'Dropped', color: 'gray' },
};

const FIELDS = ['text', 'ownerId', 'dueDate'] as const;

export function dueText(
  dueDate: string | null,
  status: Commitment['status'],
  today = isoToday(),
): string | null {
  if (!dueDate) return null;
  const d = new Date(`${dueDate}T00:00:00`);
  const label = d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return status === 'open' && dueDate < today ? `Overdue since ${label}` : `Due ${label}`;
}

function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function CommitmentsPanel({
  detail,
  myId,
  canModerate,
  headingLevel = 2,
}: {
  detail: InquiryDetail;
  myId: string | undefined;
  canModerate: boolean;
  headingLevel?: 2 | 3;
}) {
  const { inquiry, participants } = detail;
  const list = useCommitments(inquiry.id, inquiry.lastSeq);
  const { create, update, remove } = useCommitmentMutations(inquiry.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const headingId = useId();
  const isParticipant = !!myId && participants.some((p) => p.user.id === myId);
  const people = participants.map((p) => ({ value: p.user.id, label: p.user.name }));
  const items = list.data?.items ?? [];
  const open = items.filter((c) => c.status === 'open').length;

  const canChange = (c: Commitment) => !!myId && (c.owner.id === myId || c.createdBy === myId || canModerate);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <PanelHeader
          icon={IconListCheck}
          color="teal"
          title="Commitments"
          titleId={headingId}
          order={headingLevel}
          description="What we will do because of what we concluded — each with one owner."
          action={
            isParticipant &&
            !adding && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => setAdding(true)}
              >
                Add a commitment
              </Button>
            )
          }
        />

        {adding && (
          <CommitmentForm
            people={people}
            initial={{ text: '', ownerId: myId ?? null, dueDate: '' }}
            submitLabel="Add commitment"
            busy={create.isPending}
            onCancel={() => setAdding(false)}
            onSubmit={(body, errors) =>
              create.mutate(body, {
                onSuccess: () => {
                  setAdding(false);
                  notifySuccess('Commitment added.');
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
              Loading commitments…
            </Text>
          </Group>
        ) : list.isError ? (
          <PageError error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No commitments yet. A good one is small, has one owner and a date: “Sam calls five lapsed
            customers by Friday.”
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed" aria-live="polite">
              {open} open · {items.length - open} closed
            </Text>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((c) =>
                editing === c.id ? (
                  <li key={c.id}>
                    <CommitmentForm
                      people={people}
                      initial={{ text: c.text, ownerId: c.owner.id, dueDate: c.dueDate ?? '' }}
                      submitLabel="Save"
                      busy={update.isPending}
                      onCancel={() => setEditing(null)}
                      onSubmit={(body, errors) =>
                        update.mutate(
                          { id: c.id, body },
                          { onSuccess: () => setEditing(null), onError: (e) => errors.fromError(e) },
                        )
                      }
                    />
                  </li>
                ) : (
                  <CommitmentRow
                    key={c.id}
                    c={c}
                    canChange={canChange(c)}
                    onStatus={(status) =>
                      update.mutate(
                        { id: c.id, body: { status } },
                        { onError: (e) => notifyError(e, 'Could not change the commitment') },
                      )
                    }
                    onEdit={() => setEditing(c.id)}
                    onDelete={() =>
                      remove.mutate(c.id, {
                        onSuccess: () => notifySuccess('Commitment removed.'),
                        onError: (e) => notifyError(e, 'Could not remove the commitment'),
                      })
                    }
                  />
                ),
              )}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function CommitmentRow({
  c,
  canChange,
  onStatus,
  onEdit,
  onDelete,
}: {
  c: Commitment;
  canChange: boolean;
  onStatus: (s: Commitment['status']) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const due = dueText(c.dueDate, c.status);
  const overdue = due?.startsWith('Overdue');
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-label={`Commitment: ${c.text}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Text
            size="sm"
            fw={500}
            td={c.status === 'dropped' ? 'line-through' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            {c.text}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Group gap={6} wrap="nowrap">
              <PersonAvatar person={c.owner} size={20} />
              <Text size="xs">{c.owner.name}</Text>
            </Group>
            {due && (
              <Text
                size="xs"
                c={overdue ? 'var(--mantine-color-error)' : 'dimmed'}
                fw={overdue ? 600 : undefined}
              >
                {due}
              </Text>
            )}
            <Badge size="xs" variant="light" color={STATUS[c.status].color} radius="sm" tt="none">
              {STATUS[c.status].label}
            </Badge>
          </Group>
        </Stack>
        {canChange && (
          <Group gap={4} wrap="nowrap">
            {c.status === 'open' ? (
              <Button
                size="compact-xs"
                variant="light"
                color="green"
                leftSection={<IconCheck size={12} />}
                onClick={() => onStatus('done')}
                styles={{ root: { color: 'var(--mantine-color-green-ink)' } }}
              >
                Done
              </Button>
            ) : (
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onStatus('open')}>
                Reopen
              </Button>
            )}
            <Menu position="bottom-end" shadow="md" width={170}>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`More for “${c.text}”`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                  Edit
                </Menu.Item>
                {c.status !== 'dropped' && (
                  <Menu.Item leftSection={<IconX size={14} />} onClick={() => onStatus('dropped')}>
                    Drop
                  </Menu.Item>
                )}
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

interface FormValues {
  text: string;
  ownerId: string | null;
  dueDate: string;
}

function CommitmentForm({
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
    body: { text: string; ownerId: string; dueDate: string | null },
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
    if (!v.text.trim()) missing.text = 'Say what will be done.';
    if (!v.ownerId) missing.ownerId = 'Pick who owns it.';
    setLocal(missing);
    if (!v.ownerId || Object.keys(missing).length > 0) return;
    onSubmit({ text: v.text.trim(), ownerId: v.ownerId, dueDate: v.dueDate || null }, errors);
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} aria-label={submitLabel}>
      <Stack gap="sm">
        <TextInput
          label="What will be done"
          placeholder="Call five lapsed customers and ask what made them leave"
          value={v.text}
          onChange={(e) => setV({ ...v, text: e.currentTarget.value })}
          error={shown.text}
          data-autofocus
          autoFocus
        />
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <Select
            label="Owner"
            data={people}
            value={v.ownerId}
            onChange={(ownerId) => setV({ ...v, ownerId })}
            error={shown.ownerId}
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
