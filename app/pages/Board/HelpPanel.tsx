import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconHandStop, IconLifebuoy } from '@tabler/icons-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Contribution } from '../../../contract/contributions.js';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import type { HelpRequest } from '../../../contract/participation.js';
import { useHelpMutations, useHelpRequests } from '../../api/help.js';
import { FormFooter } from '../../components/FormFooter.js';
import { KindLabel } from '../../components/KindLabel.js';
import { PageError } from '../../components/PageState.js';
import { PanelHeader } from '../../components/PanelHeader.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import focus from './NoteFocus.module.css';

// Promotive interaction: "I'm stuck on…". Anyone else picks a request up (once), answers it, and the
// person who asked sees the answer here and in their inbox. Updated live by help.changed.

const STATUS: Record<HelpRequest['status'], { label: string; color: string }> = {
  open: { label: 'Waiting for help', color: 'orange' },
  claimed: { label: 'Being answered', color: 'blue' },
  answered: { label: 'Answered', color: 'green' },
};

const ASK_FIELDS = ['body'] as const;
const ANSWER_FIELDS = ['answer'] as const;

/** Unanswered first, oldest first (they have waited longest); then the answered, newest first. */
function ordered(items: HelpRequest[]): HelpRequest[] {
  const waiting = items.filter((h) => h.status !== 'answered');
  const answered = items.filter((h) => h.status === 'answered').reverse();
  return [...waiting, ...answered];
}

export function HelpPanel({
  detail,
  myId,
  notes,
  stuckOn,
  onStuckDone,
}: {
  detail: InquiryDetail;
  myId: string | undefined;
  /** The board's notes, to show the one a request is about. */
  notes: readonly Contribution[] | undefined;
  /** A note someone chose "I'm stuck on this" on: the ask dialog opens about it. */
  stuckOn: Contribution | null;
  onStuckDone: () => void;
}) {
  const { inquiry } = detail;
  const list = useHelpRequests(inquiry.id, inquiry.lastSeq);
  const { ask, claim, answer } = useHelpMutations(inquiry.id);
  const [askingFreely, setAsking] = useState(false);
  const asking = askingFreely || stuckOn !== null;
  const closeAsk = () => {
    setAsking(false);
    onStuckDone();
  };
  const noteOf = (id: string | null) => (id ? notes?.find((c) => c.id === id) : undefined);
  const headingId = useId();
  const items = ordered(list.data?.items ?? []);
  const waiting = items.filter((h) => h.status !== 'answered').length;
  const concluded = inquiry.phase === 'concluded';
  useHelpFocus(list.isSuccess);
  // A concluded inquiry takes no new requests; without old ones there is nothing to show.
  if (concluded && list.isSuccess && items.length === 0) return null;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <PanelHeader
          icon={IconLifebuoy}
          color="orange"
          title="Help requests"
          titleId={headingId}
          aside={waiting > 0 && `· ${waiting} waiting`}
          description="Stuck? Say so — nobody succeeds here unless everyone does."
          action={
            !concluded &&
            myId && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconHandStop size={14} />}
                onClick={() => setAsking(true)}
              >
                I’m stuck…
              </Button>
            )
          }
        />

        {list.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Loading help requests…
            </Text>
          </Group>
        ) : list.isError ? (
          <PageError error={list.error} onRetry={() => list.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody has asked for help yet. “I’m stuck on why returns doubled only in the north” is a good
            request: someone who sees it from another side can pick it up.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((h) => (
              <HelpItem
                key={h.id}
                help={h}
                about={noteOf(h.contributionId)}
                myId={myId}
                claiming={claim.isPending && claim.variables === h.id}
                answering={answer.isPending && answer.variables?.id === h.id}
                onClaim={() =>
                  claim.mutate(h.id, {
                    onSuccess: () => notifySuccess(`You are helping ${h.requester.name}.`),
                    onError: (e) => notifyError(e, 'Could not pick this up'),
                  })
                }
                onAnswer={(text, errors, done) =>
                  answer.mutate(
                    { id: h.id, answer: text },
                    {
                      onSuccess: () => {
                        done();
                        notifySuccess(`${h.requester.name} will see your answer.`, 'Answer sent');
                      },
                      onError: (e) => errors.fromError(e),
                    },
                  )
                }
              />
            ))}
          </Stack>
        )}
      </Stack>

      <AskDialog
        opened={asking}
        about={stuckOn}
        busy={ask.isPending}
        onClose={closeAsk}
        onAsk={(body, errors) =>
          ask.mutate(
            { body, ...(stuckOn ? { contributionId: stuckOn.id } : {}) },
            {
              onSuccess: () => {
                closeAsk();
                notifySuccess('The group has been told. Someone will pick it up.', 'Help asked for');
              },
              onError: (e) => errors.fromError(e),
            },
          )
        }
      />
    </Paper>
  );
}

type Errors = ReturnType<typeof useFormErrors>;

function HelpItem({
  help,
  about,
  myId,
  claiming,
  answering,
  onClaim,
  onAnswer,
}: {
  help: HelpRequest;
  about: Contribution | undefined;
  myId: string | undefined;
  claiming: boolean;
  answering: boolean;
  onClaim: () => void;
  onAnswer: (text: string, errors: Errors, done: () => void) => void;
}) {
  const mine = help.requester.id === myId;
  const claimedByMe = help.claimedBy?.id === myId;
  const [writing, setWriting] = useState(false);
  const status = STATUS[help.status];
  const statusText =
    help.status === 'claimed' && help.claimedBy
      ? claimedByMe
        ? 'You are answering'
        : `${help.claimedBy.name} is answering`
      : status.label;
  // The answerer becomes the claimer when answering: an answered request takes no further answer.
  const canAnswer = !mine && !!myId && (help.status === 'open' || (help.status === 'claimed' && claimedByMe));

  return (
    <li id={`help-${help.id}`} tabIndex={-1} aria-label={`Help request from ${help.requester.name}`}>
      <Paper withBorder p="sm" radius="md">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap={8} wrap="wrap" style={{ minWidth: 0, rowGap: 0 }}>
              <PersonAvatar person={help.requester} size={24} />
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {mine ? 'You are' : `${help.requester.name} is`} stuck
              </Text>
              <RelativeTime iso={help.createdAt} />
            </Group>
            <Badge variant="light" color={status.color} radius="sm" tt="none" style={{ flexShrink: 0 }}>
              {statusText}
            </Badge>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {help.body}
          </Text>
          {about && <NoteQuote note={about} link />}

          {help.status === 'answered' && help.answer !== null && (
            <Paper bg="var(--mantine-color-default-hover)" p="xs" radius="sm">
              <Text size="xs" c="dimmed" mb={2}>
                {help.claimedBy?.id === myId
                  ? 'Your answer'
                  : `Answer from ${help.claimedBy?.name ?? 'a helper'}`}
                {help.answeredAt && (
                  <>
                    {' · '}
                    <RelativeTime iso={help.answeredAt} />
                  </>
                )}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {help.answer}
              </Text>
            </Paper>
          )}

          {canAnswer &&
            (writing || claimedByMe ? (
              <AnswerForm
                busy={answering}
                requester={help.requester.name}
                onCancel={() => setWriting(false)}
                onSubmit={(text, errors) => onAnswer(text, errors, () => setWriting(false))}
              />
            ) : (
              <Group gap="xs">
                <Button size="compact-sm" variant="light" loading={claiming} onClick={onClaim}>
                  I’ll help
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => setWriting(true)}>
                  Answer now
                </Button>
              </Group>
            ))}
        </Stack>
      </Paper>
    </li>
  );
}

function AnswerForm({
  busy,
  requester,
  onCancel,
  onSubmit,
}: {
  busy: boolean;
  requester: string;
  onCancel: () => void;
  onSubmit: (text: string, errors: Errors) => void;
}) {
  const [text, setText] = useState('');
  const errors = useFormErrors(ANSWER_FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    errors.reset();
    onSubmit(text, errors);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Your answer"
          description={`${requester} sees it here and in their inbox.`}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            errors.clear('answer');
          }}
          error={errors.errors.answer}
          autosize
          minRows={2}
          data-autofocus
        />
        <FormFooter formError={errors.formError} onCancel={onCancel} busy={busy} submitLabel="Send answer" />
      </Stack>
    </form>
  );
}

/** The note a request is about: its kind and first words, linking to it on the board. */
function NoteQuote({ note, link = false }: { note: Contribution; link?: boolean }) {
  const words = note.body.replace(/\s+/g, ' ').trim();
  const excerpt = words.length > 140 ? `${words.slice(0, 139)}…` : words;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="help-about">
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        About
      </Text>
      <KindLabel kind={note.kind} size="xs" />
      {link ? (
        <Text
          size="xs"
          component={Link}
          to={`?note=${encodeURIComponent(note.id)}`}
          style={{ overflowWrap: 'anywhere' }}
        >
          {excerpt}
        </Text>
      ) : (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {excerpt}
        </Text>
      )}
    </Group>
  );
}

function AskDialog({
  opened,
  about,
  busy,
  onClose,
  onAsk,
}: {
  opened: boolean;
  about: Contribution | null;
  busy: boolean;
  onClose: () => void;
  onAsk: (body: string, errors: Errors) => void;
}) {
  const [body, setBody] = useState('');
  const errors = useFormErrors(ASK_FIELDS);
  useEffect(() => {
    if (opened) {
      setBody('');
      errors.reset();
    }
  }, [opened, errors.reset]);
  return (
    <Modal opened={opened} onClose={onClose} title="Ask the group for help">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          errors.reset();
          onAsk(body, errors);
        }}
        noValidate
      >
        <Stack gap="md">
          {about && <NoteQuote note={about} />}
          <Textarea
            label="I’m stuck on…"
            description="Say what you tried and where it stops making sense. Everyone in the inquiry is told; one person picks it up."
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              errors.clear('body');
            }}
            error={errors.errors.body}
            autosize
            minRows={3}
            data-autofocus
          />
          {errors.formError && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {errors.formError}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!body.trim()}>
              Ask for help
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `?help=<id>` (from the inbox): the request is brought into view, focused and marked for a moment. */
function useHelpFocus(ready: boolean) {
  const [params] = useSearchParams();
  const helpId = params.get('help');
  useEffect(() => {
    if (!helpId || !ready) return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(`help-${helpId}`);
      if (!el) return;
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      el.focus({ preventScroll: true });
      el.classList.add(focus.focused ?? 'focused');
      window.setTimeout(() => el.classList.remove(focus.focused ?? 'focused'), 4_000);
    });
    return () => cancelAnimationFrame(frame);
  }, [helpId, ready]);
}
