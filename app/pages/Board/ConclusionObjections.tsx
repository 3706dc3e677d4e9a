import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconMessageReply } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { notifySuccess } from '../../lib/notify.js';
import { type Objection, useConsentAction } from './ConclusionModel.js';

const STATUS: Record<Objection['status'], { label: string; color: string }> = {
  open: { label: 'Waiting for an answer', color: 'orange' },
  answered: { label: 'Answered', color: 'teal' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
  stands_answered: { label: 'Stands, answered', color: 'grape' },
};

/**
 * One objection: who raised it and why, the answer if there is one, and what each person may do next —
 * the proposer or the facilitator answers; the objector withdraws it or lets it stand as answered.
 */
export function ObjectionCard({
  objection: o,
  inquiryId,
  myId,
  facilitatorId,
  proposerId,
  nameOf,
  readOnly,
}: {
  objection: Objection;
  inquiryId: string;
  myId: string | undefined;
  facilitatorId: string;
  proposerId: string | undefined;
  nameOf: (id: string) => string;
  readOnly: boolean;
}) {
  const status = STATUS[o.status];
  const mine = o.userId === myId;
  const canAnswer =
    !readOnly && o.status === 'open' && !mine && (myId === proposerId || myId === facilitatorId);
  const canSettle = !readOnly && mine && (o.status === 'open' || o.status === 'answered');
  const objector = { id: o.userId, name: nameOf(o.userId) };

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={`Objection by ${objector.name}${mine ? ' (you)' : ''}: ${status.label.toLowerCase()}`}
      style={{ borderLeft: `3px solid var(--mantine-color-${status.color}-filled)` }}
    >
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <PersonAvatar person={objector} size={22} />
            <Text size="sm" fw={600} truncate>
              {objector.name}
              {mine ? ' (you)' : ''}
            </Text>
            <RelativeTime iso={o.raisedAt} />
          </Group>
          <Badge variant="light" color={status.color} radius="sm" tt="none">
            {status.label}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {o.reason}
        </Text>
        {o.answer && (
          <Box pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
            <Text size="xs" c="dimmed" mb={2}>
              Answer from {nameOf(o.answer.by)}
              {o.answer.by === facilitatorId ? ' (facilitator)' : ''}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {o.answer.response}
            </Text>
          </Box>
        )}
        {canAnswer && <AnswerForm inquiryId={inquiryId} objection={o} objectorName={objector.name} />}
        {canSettle && <SettleButtons inquiryId={inquiryId} objection={o} />}
        {!readOnly && mine && o.status === 'open' && (
          <Text size="xs" c="dimmed">
            Waiting for an answer from the proposer or the facilitator.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function AnswerForm({
  inquiryId,
  objection,
  objectorName,
}: {
  inquiryId: string;
  objection: Objection;
  objectorName: string;
}) {
  const answer = useConsentAction(inquiryId);
  const [opened, setOpened] = useState(false);
  const [response, setResponse] = useState('');
  const fieldError = isApiError(answer.error) ? answer.error.fieldMap().response : undefined;

  if (!opened) {
    return (
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconMessageReply size={14} />}
          onClick={() => setOpened(true)}
        >
          Answer
        </Button>
      </Group>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    answer.mutate(
      { kind: 'answer', objectionId: objection.id, response },
      {
        onSuccess: () => {
          setOpened(false);
          notifySuccess(`${objectorName} can withdraw it or let it stand.`, 'Answer recorded');
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label={`Your answer to ${objectorName}`}
          description="Take the concern seriously: say what it changes, or why the conclusion holds."
          value={response}
          onChange={(e) => setResponse(e.currentTarget.value)}
          error={fieldError}
          autosize
          minRows={2}
          maxLength={2000}
          autoFocus
        />
        {answer.isError && !fieldError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(answer.error)}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" size="xs" loading={answer.isPending}>
            Send answer
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => setOpened(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SettleButtons({ inquiryId, objection }: { inquiryId: string; objection: Objection }) {
  const settle = useConsentAction(inquiryId);
  const answered = objection.status === 'answered';
  return (
    <Stack gap="xs">
      {answered && (
        <Text size="xs" c="dimmed">
          Convinced? Withdraw it. Still disagree, but heard? Let it stand: the disagreement stays on record
          and no longer blocks.
        </Text>
      )}
      <Group gap="sm">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowBackUp size={14} />}
          loading={settle.isPending && settle.variables?.kind === 'withdraw'}
          onClick={() =>
            settle.mutate(
              { kind: 'withdraw', objectionId: objection.id },
              { onSuccess: () => notifySuccess('Your objection is withdrawn.') },
            )
          }
        >
          Withdraw
        </Button>
        {answered && (
          <Button
            size="xs"
            variant="default"
            loading={settle.isPending && settle.variables?.kind === 'stand'}
            onClick={() =>
              settle.mutate(
                { kind: 'stand', objectionId: objection.id },
                { onSuccess: () => notifySuccess('Your objection stays on record, answered.') },
              )
            }
          >
            Let it stand
          </Button>
        )}
      </Group>
      {settle.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(settle.error)}
        </Alert>
      )}
    </Stack>
  );
}
