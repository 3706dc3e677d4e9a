import {
  Badge,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowsShuffle, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Understanding, UnderstandingCheck } from '../../../contract/insights.js';
import type { Phase } from '../../../domain/model.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { useUnderstandingChecks, useUnderstandingMutations } from '../../api/insights.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { ConsoleSection } from './ConsoleSection.js';
import { agreementWords, plural } from './consoleModel.js';

type Stage = UnderstandingCheck['stage'];
type Result = NonNullable<Understanding['before']>;

const STAGES: { value: Stage; label: string }[] = [
  { value: 'exploring', label: 'Start (exploring)' },
  { value: 'reflecting', label: 'End (reflecting)' },
];

/** Is the mental model shared? Kendall's W before and after, and what the group still splits on. */
export function UnderstandingSection({
  inquiryId,
  phase,
  understanding: u,
  lastSeq,
}: {
  inquiryId: string;
  phase: Phase;
  understanding: Understanding;
  lastSeq: number | undefined;
}) {
  const checks = useUnderstandingChecks(inquiryId, lastSeq);
  const open = (checks.data?.items ?? []).filter((c) => c.closedAt === null);
  const openIds = new Set(open.map((c) => c.id));
  return (
    <ConsoleSection
      id="understanding"
      title="Shared understanding"
      icon={IconArrowsShuffle}
      color="grape"
      helpId="understanding"
      description="Each participant privately ranks the candidate explanations; agreement is Kendall’s W, from 0 (none) to 1 (full). Rankings stay private to their author."
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <AgreementCard title="Before (start of exploring)" result={u.before} openIds={openIds} />
        <AgreementCard title="After (reflecting)" result={u.after} openIds={openIds} />
      </SimpleGrid>
      {u.before?.w != null && u.after?.w != null && (
        <Text size="sm" data-testid="w-change">
          {u.after.w > u.before.w
            ? `The group converged: agreement rose from ${u.before.w.toFixed(2)} to ${u.after.w.toFixed(2)}.`
            : u.after.w < u.before.w
              ? `Agreement fell from ${u.before.w.toFixed(2)} to ${u.after.w.toFixed(2)}: the group diverged.`
              : `Agreement stayed at ${u.after.w.toFixed(2)}.`}
        </Text>
      )}
      {open.length > 0 && (
        <Stack gap="xs">
          {open.map((c) => (
            <OpenCheck key={c.id} inquiryId={inquiryId} check={c} />
          ))}
        </Stack>
      )}
      <OpenCheckForm inquiryId={inquiryId} phase={phase} />
    </ConsoleSection>
  );
}

function OpenCheck({ inquiryId, check: c }: { inquiryId: string; check: UnderstandingCheck }) {
  const { close } = useUnderstandingMutations(inquiryId);
  return (
    <Group gap="sm" wrap="wrap" data-testid="open-check">
      <Badge variant="light" color="grape" radius="sm" tt="none">
        Open · {c.stage === 'exploring' ? 'start' : 'end'}
      </Badge>
      <Text size="sm">
        {plural(c.responses, 'ranking')} so far, over {plural(c.items.length, 'item')}.
      </Text>
      <Button
        size="compact-xs"
        variant="default"
        leftSection={<IconPlayerStop size={12} />}
        loading={close.isPending}
        onClick={() =>
          close.mutate(c.id, {
            onSuccess: () => notifySuccess('The check is closed; its agreement is final.'),
            onError: (e) => notifyError(e, 'Could not close the check'),
          })
        }
      >
        Close the check
      </Button>
    </Group>
  );
}

function AgreementCard({
  title,
  result,
  openIds,
}: {
  title: string;
  result: Result | null;
  openIds: Set<string>;
}) {
  const split = result?.items.filter((i) => i.split) ?? [];
  // While open only the count is shown: figures that moved with each answer would give rankings away.
  const stillOpen = !!result && openIds.has(result.checkId);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={title}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {title}
        </Text>
        {!result ? (
          <Text size="sm" c="dimmed">
            No check yet.
          </Text>
        ) : stillOpen ? (
          <Text size="sm">
            Open: {plural(result.responses, 'ranking')} so far. Agreement appears once you close the check.
          </Text>
        ) : (
          <>
            <Group gap="xs" align="baseline">
              <Text fw={700} fz={26} lh={1.15}>
                W = {result.w === null ? '—' : result.w.toFixed(2)}
              </Text>
              <Text size="sm" c="dimmed">
                from {plural(result.responses, 'ranking')}
              </Text>
            </Group>
            <Text size="sm">{agreementWords(result.w)}</Text>
            {split.length > 0 ? (
              <>
                <Text size="sm" fw={600}>
                  Still split on:
                </Text>
                <List size="sm" spacing={2}>
                  {split.map((i) => (
                    <List.Item key={i.id}>
                      {i.label}{' '}
                      <Text span size="xs" c="dimmed">
                        (mean rank {i.meanRank.toFixed(1)}, spread {i.spread.toFixed(1)})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </>
            ) : (
              result.w !== null && (
                <Badge size="sm" variant="light" color="green" radius="sm" tt="none" w="fit-content">
                  No item splits the group
                </Badge>
              )
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function OpenCheckForm({ inquiryId, phase }: { inquiryId: string; phase: Phase }) {
  const early = phase === 'framing' || phase === 'exploring';
  const [stage, setStage] = useState<Stage>(early ? 'exploring' : 'reflecting');
  const [options, setOptions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { open } = useUnderstandingMutations(inquiryId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const labels = options
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    open.mutate(
      {
        stage,
        items: labels.length > 0 ? labels.map((label) => ({ label, contributionId: null })) : undefined,
      },
      {
        onSuccess: () => {
          setOptions('');
          notifySuccess('The check is open: participants can rank the explanations now.');
        },
        onError: (err) => {
          const fields = isApiError(err) ? err.fieldMap() : {};
          setError(fields.items ?? fields.stage ?? Object.values(fields)[0] ?? errorMessage(err));
        },
      },
    );
  };
  return (
    <Stack gap="xs" component="form" onSubmit={submit} aria-label="Open a check">
      <Title order={3} size="h5">
        Open a check
      </Title>
      <div role="group" aria-label="When in the inquiry">
        <SegmentedControl value={stage} onChange={(v) => setStage(v as Stage)} data={STAGES} size="xs" />
      </div>
      <Textarea
        label="Options to rank (optional)"
        description="One per line. Leave empty to rank the inquiry’s hypotheses."
        value={options}
        onChange={(e) => setOptions(e.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={8}
        maw={560}
        error={error}
      />
      <Button
        type="submit"
        size="xs"
        w="fit-content"
        leftSection={<IconPlayerPlay size={14} />}
        loading={open.isPending}
      >
        Open a check
      </Button>
    </Stack>
  );
}
