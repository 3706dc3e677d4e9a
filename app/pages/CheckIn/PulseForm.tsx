import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconShieldLock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Pulse } from '../../../contract/pulses.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { useRespondPulse } from '../../api/pulses.js';
import { FormFooter } from '../../components/FormFooter.js';
import classes from './CheckIn.module.css';
import { PULSE_SCALE, PULSE_STATEMENTS } from './pulseText.js';

const COMMENT_MAX = 1000;

/** The pulse in a dialog: the seven statements, an optional comment, and then thanks. */
export function PulseDialog({
  pulse,
  about,
  opened,
  onClose,
}: {
  pulse: Pulse;
  /** What the pulse is about: the inquiry's title, or the team. */
  about: string;
  opened: boolean;
  onClose: () => void;
}) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={`Team pulse: ${about}`} size="xl" fullScreen={phone}>
      {opened && <PulseForm pulse={pulse} onDone={onClose} />}
    </Modal>
  );
}

/** How the privacy of a pulse works, in plain words; shown with the form and where results would be. */
export function PulsePrivacy({ threshold }: { threshold: number }) {
  return (
    <Alert
      variant="light"
      color="gray"
      icon={<IconShieldLock size={18} aria-hidden />}
      title="Your answers are anonymous"
      p="sm"
    >
      <Text size="sm">
        Your answers are stored without your name. Colearn keeps only a separate note that you have answered,
        so nobody answers twice. Results are shown only as the group’s average, after the pulse closes and
        only if at least {threshold} people have answered; a comment is shown only among at least {threshold}{' '}
        comments, in shuffled order.
      </Text>
    </Alert>
  );
}

type Outcome = 'thanks' | 'already' | null;

function PulseForm({ pulse, onDone }: { pulse: Pulse; onDone: () => void }) {
  const respond = useRespondPulse();
  const [answers, setAnswers] = useState<(number | null)[]>(() => PULSE_STATEMENTS.map(() => null));
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const [commentError, setCommentError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(pulse.answeredByMe ? 'already' : null);

  if (outcome) return <Done outcome={outcome} threshold={pulse.threshold} onClose={onDone} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gaps = new Set(answers.flatMap((a, i) => (a === null ? [i] : [])));
    setMissing(gaps);
    setCommentError(null);
    if (gaps.size > 0) {
      setFormError(`Answer all seven statements: ${gaps.size} still open.`);
      document.getElementById(`pulse-item-${[...gaps][0]}`)?.focus();
      return;
    }
    setFormError(null);
    respond.mutate(
      { pulseId: pulse.id, body: { answers: answers as number[], comment } },
      {
        onSuccess: () => setOutcome('thanks'),
        onError: (err) => {
          if (isApiError(err) && err.status === 409) {
            setOutcome('already');
            return;
          }
          const fields = isApiError(err) ? err.fieldMap() : {};
          if (fields.comment) setCommentError(fields.comment);
          const answerError = Object.entries(fields).find(
            ([k]) => k === 'answers' || k.startsWith('answers.'),
          );
          setFormError(answerError?.[1] ?? (fields.comment ? null : errorMessage(err)));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Pulse answers">
      <Stack gap="lg">
        <Text size="sm">
          Seven statements about this team. For each, say how much you agree: there are no right answers, and
          it takes about a minute.
        </Text>
        <PulsePrivacy threshold={pulse.threshold} />
        {PULSE_STATEMENTS.map((statement, i) => (
          <Radio.Group
            key={statement}
            name={`pulse-item-${i}`}
            label={`${i + 1}. ${statement}`}
            value={answers[i] === null ? null : String(answers[i])}
            onChange={(v) => {
              setAnswers((prev) => prev.map((a, j) => (j === i ? Number(v) : a)));
              setMissing((prev) => {
                if (!prev.has(i)) return prev;
                const next = new Set(prev);
                next.delete(i);
                return next;
              });
            }}
            error={missing.has(i) ? 'Choose one.' : undefined}
            required
            styles={{ label: { fontWeight: 500, marginBottom: 8 } }}
          >
            <div className={classes.scale}>
              {PULSE_SCALE.map((label, v) => (
                <Radio
                  key={label}
                  id={v === 0 ? `pulse-item-${i}` : undefined}
                  value={String(v + 1)}
                  label={label}
                  size="sm"
                  classNames={{
                    body: classes.optionBody,
                    labelWrapper: classes.optionLabelWrapper,
                    label: classes.optionLabel,
                  }}
                />
              ))}
            </div>
          </Radio.Group>
        ))}
        <Textarea
          label="Anything you want to add? (optional)"
          description="Leave out names and details that would tell others it was you."
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setCommentError(null);
          }}
          error={commentError}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={COMMENT_MAX}
        />
        <FormFooter
          formError={formError}
          onCancel={onDone}
          busy={respond.isPending}
          submitLabel="Send my answers"
        />
      </Stack>
    </form>
  );
}

function Done({
  outcome,
  threshold,
  onClose,
}: {
  outcome: 'thanks' | 'already';
  threshold: number;
  onClose: () => void;
}) {
  return (
    <Stack gap="md" align="flex-start" role="status">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color="green" variant="light" radius="xl" size={32} aria-hidden>
          <IconCheck size={18} />
        </ThemeIcon>
        <Title order={2} size="h4">
          {outcome === 'thanks' ? 'Thank you — your answers are in' : 'You have already answered'}
        </Title>
      </Group>
      <Text size="sm">
        {outcome === 'thanks'
          ? 'They are stored without your name.'
          : 'Each person answers a pulse once; your earlier answers stand.'}{' '}
        The results are shown only as the group’s average, after the pulse closes and only if at least{' '}
        {threshold} people answered.
      </Text>
      <Button onClick={onClose} data-autofocus>
        Close
      </Button>
    </Stack>
  );
}
