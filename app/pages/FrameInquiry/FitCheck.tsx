import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Icon, IconChecklist, IconUserCheck, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import type { FitCheckResult } from '../../../contract/mechanics.js';
import {
  FIT_QUESTIONS,
  FIT_REASONS,
  type FitAnswers,
  type Recommendation,
} from '../../../domain/mechanics/fit-check.js';
import type { Mode } from '../../../domain/model.js';
import { errorMessage } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { MODE_TEXT } from '../../components/InquiryFields.js';

// "When to deploy": seven questions, a recommendation with its reasons, and the mode picker that follows
// it unless the facilitator picks another mode — then with a reason, recorded on the inquiry.

export type PartialFitAnswers = Partial<FitAnswers>;

/** The answers when every question has one, else null. */
export function completeAnswers(a: PartialFitAnswers): FitAnswers | null {
  return FIT_QUESTIONS.every((q) => a[q.id] !== undefined) ? (a as FitAnswers) : null;
}

export function answeredCount(a: PartialFitAnswers): number {
  return FIT_QUESTIONS.filter((q) => a[q.id] !== undefined).length;
}

/** Why the answers cannot be sent yet (some, not all, answered), or null. Skipping the check is fine. */
export function incompleteMessage(a: PartialFitAnswers): string | null {
  const left = FIT_QUESTIONS.length - answeredCount(a);
  if (left === 0 || left === FIT_QUESTIONS.length) return null;
  const what = left === 1 ? 'the last question' : `the other ${left} questions`;
  return `Answer ${what} of the fit check, or clear the answers to skip it.`;
}

/** "Collaborative: the whole group…" → "The whole group…": the title already names the way of working. */
function withoutName(sentence: string): string {
  const rest = sentence.replace(/^[^:]+:\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** How each recommendation reads, in the words of the source text. */
export const RECOMMENDATION_TEXT: Record<
  Recommendation,
  { title: string; means: string; color: string; icon: Icon }
> = {
  individual: {
    title: 'Just do it, or follow the manual',
    means: 'No inquiry is needed: one person does it, or follows what is written down.',
    color: 'gray',
    icon: IconUserCheck,
  },
  cooperative: {
    title: 'Cooperative: split the task',
    means: withoutName(FIT_REASONS.meansCooperative),
    color: 'blue',
    icon: IconChecklist,
  },
  collaborative: {
    title: 'Collaborative: learn it together',
    means: withoutName(FIT_REASONS.meansCollaborative),
    color: 'accent',
    icon: IconUsersGroup,
  },
};

const MEANINGS: ReadonlySet<string> = new Set([
  FIT_REASONS.meansIndividual,
  FIT_REASONS.meansCooperative,
  FIT_REASONS.meansCollaborative,
]);

/** The reasons that decided it, without the closing "what it means" sentence (shown as the subtitle). */
export function decidingReasons(reasons: readonly string[]): string[] {
  return reasons.filter((r) => !MEANINGS.has(r));
}

/** The recommendation for the answers, asked of the server a moment after the last change. */
export function useFitRecommendation(answers: PartialFitAnswers) {
  const complete = completeAnswers(answers);
  const [debounced] = useDebouncedValue(complete, 250);
  return useQuery({
    queryKey: ['fit-check', debounced],
    queryFn: ({ signal }) => api.fitCheck(debounced as FitAnswers, signal),
    enabled: debounced !== null && complete !== null,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: (previous) => previous,
  });
}

export function FitCheck({
  answers,
  onAnswers,
  mode,
  onMode,
  overrideReason,
  onOverrideReason,
  reasonError,
  modeError,
  answersError,
}: {
  answers: PartialFitAnswers;
  onAnswers: (answers: PartialFitAnswers) => void;
  mode: Mode;
  onMode: (mode: Mode) => void;
  overrideReason: string;
  onOverrideReason: (reason: string) => void;
  reasonError?: string;
  modeError?: string;
  answersError?: string;
}) {
  const headingId = useId();
  const complete = completeAnswers(answers) !== null;
  const fit = useFitRecommendation(answers);
  const result = complete ? fit.data : undefined;
  const recommendation = result?.recommendation;
  // The mode follows the recommendation until the facilitator picks one by hand.
  const pickedByHand = useRef(false);
  useEffect(() => {
    if (!pickedByHand.current && recommendation && recommendation !== 'individual') onMode(recommendation);
  }, [recommendation, onMode]);

  const overriding = recommendation !== undefined && recommendation !== mode;
  const answered = answeredCount(answers);

  return (
    <Stack gap="lg" component="section" aria-labelledby={headingId}>
      <Stack gap={4}>
        <Title order={2} size="h4" id={headingId}>
          When to deploy: does this need the whole group?
        </Title>
        <Text size="sm" c="dimmed">
          Collaboration is for problems nobody can solve alone. If the task is simple and the answer is known,
          it is just a waste of everyone's time. Seven quick questions, and Colearn says which way of working
          fits — and why.
        </Text>
      </Stack>

      <Stack gap="md">
        {FIT_QUESTIONS.map((q, i) => (
          <FitQuestionRow
            key={q.id}
            index={i}
            question={q}
            value={answers[q.id]}
            onChange={(v) => onAnswers({ ...answers, [q.id]: v })}
          />
        ))}
      </Stack>

      <div aria-live="polite">
        {complete ? (
          <RecommendationCard result={result} loading={fit.isFetching} error={fit.error} />
        ) : (
          <Group gap="sm" justify="space-between" wrap="wrap">
            <Text size="sm" c={answersError ? 'var(--mantine-color-error)' : 'dimmed'}>
              {answersError ??
                (answered === 0
                  ? 'Answer the seven questions to get a recommendation, or skip the check.'
                  : `${answered} of ${FIT_QUESTIONS.length} answered — the recommendation appears when all are.`)}
            </Text>
            {answered > 0 && (
              <Button variant="subtle" size="compact-sm" onClick={() => onAnswers({})}>
                Clear answers
              </Button>
            )}
          </Group>
        )}
      </div>

      <Radio.Group
        label="How will the group work?"
        description={
          recommendation
            ? 'Starts at the recommendation; you can choose otherwise and say why.'
            : 'Collaborative unless you choose otherwise.'
        }
        value={mode}
        error={modeError}
        onChange={(v) => {
          pickedByHand.current = true;
          onMode(v as Mode);
        }}
      >
        <Stack gap="sm" mt="xs">
          {(Object.keys(MODE_TEXT) as Mode[]).map((m) => (
            <Radio.Card key={m} value={m} p="sm" radius="md" withBorder>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <Stack gap={2}>
                  <Group gap={8}>
                    <Text fw={600} size="sm">
                      {MODE_TEXT[m].label}
                    </Text>
                    {recommendation === m && (
                      <Badge size="xs" variant="light" color="green" radius="sm">
                        Recommended
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {MODE_TEXT[m].line}
                  </Text>
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>

      {overriding && (
        <Textarea
          label={
            recommendation === 'individual'
              ? 'Why run an inquiry at all?'
              : `Why ${MODE_TEXT[mode].label.toLowerCase()} rather than ${recommendation}?`
          }
          description="Recorded with the inquiry and shown to the group, so the choice can be understood later."
          placeholder={
            mode === 'collaborative'
              ? 'The playbook is from before the new pricing; we need everyone’s view on what changed.'
              : 'We need an answer by Friday; I will split the analysis and we revisit it next month.'
          }
          value={overrideReason}
          onChange={(e) => onOverrideReason(e.currentTarget.value)}
          error={reasonError}
          withAsterisk
          required
          autosize
          minRows={2}
          maxLength={1000}
        />
      )}
    </Stack>
  );
}

function FitQuestionRow({
  index,
  question,
  value,
  onChange,
}: {
  index: number;
  question: (typeof FIT_QUESTIONS)[number];
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Group justify="space-between" align="center" gap="sm" wrap="wrap">
      <Stack gap={0} style={{ flex: '1 1 280px', minWidth: 0 }}>
        <Text size="sm" fw={500} id={`${id}-q`}>
          <Text span c="dimmed" size="sm" aria-hidden>
            {index + 1}.{' '}
          </Text>
          {question.text}
        </Text>
        <Text size="xs" c="dimmed" id={`${id}-help`}>
          {question.help}
        </Text>
      </Stack>
      <SegmentedControl
        aria-labelledby={`${id}-q`}
        aria-describedby={`${id}-help`}
        data={question.options.map((o) => ({ value: o.value, label: o.label }))}
        value={value ?? ''}
        onChange={onChange}
        size="xs"
        data-answered={value !== undefined || undefined}
      />
    </Group>
  );
}

function RecommendationCard({
  result,
  loading,
  error,
}: {
  result: FitCheckResult | undefined;
  loading: boolean;
  error: unknown;
}) {
  if (!result) {
    return (
      <Group gap="xs">
        {error ? (
          <Text size="sm" c="var(--mantine-color-error)">
            The recommendation could not be worked out: {errorMessage(error)}
          </Text>
        ) : (
          <>
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Weighing your answers…
            </Text>
          </>
        )}
      </Group>
    );
  }
  return <FitRecommendation result={result} loading={loading} />;
}

/** The recommendation, what it means and the reasons that decided it. Used on the framing page and the board. */
export function FitRecommendation({
  result,
  loading = false,
  title = 'Recommended',
}: {
  result: FitCheckResult;
  loading?: boolean;
  title?: string;
}) {
  const text = RECOMMENDATION_TEXT[result.recommendation];
  const RecIcon = text.icon;
  const reasons = decidingReasons(result.reasons);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{ borderLeft: `3px solid var(--mantine-color-${text.color}-filled)` }}
      aria-busy={loading || undefined}
      data-testid="fit-recommendation"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color={text.color} variant="light" size={32} radius="md" aria-hidden>
          <RecIcon size={20} stroke={1.7} />
        </ThemeIcon>
        <Stack gap={6} style={{ minWidth: 0 }}>
          <div>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {title}
            </Text>
            <Text fw={650}>{text.title}</Text>
            <Text size="sm">{text.means}</Text>
          </div>
          {reasons.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={2}>
                Why
              </Text>
              <Stack component="ul" gap={4} m={0} pl="md">
                {reasons.map((r) => (
                  <Text component="li" size="sm" c="dimmed" key={r}>
                    {r}
                  </Text>
                ))}
              </Stack>
            </div>
          )}
          {result.recommendation === 'individual' && (
            <Text size="sm">
              You may not need an inquiry at all. If you still want one, choose a way of working below and say
              why.
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
