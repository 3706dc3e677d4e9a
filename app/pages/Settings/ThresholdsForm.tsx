import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { DEFAULT_INSIGHT_THRESHOLDS, type InsightThresholds } from '../../../domain/insights/rules.js';
import { useInsightSettings, useUpdateInsightSettings } from '../../api/settings.js';
import { PageError } from '../../components/PageState.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';

type Key = keyof InsightThresholds;

interface FieldSpec {
  key: Key;
  label: string;
  unit: string;
  help: string;
  min: number;
  max?: number;
  step: number;
  decimals: number;
}

// Each threshold in plain words, with its unit; the order follows the console's list of findings.
// A Record, so a threshold added to the domain without words here fails to compile.
const SPEC_BY_KEY: Record<Key, Omit<FieldSpec, 'key'>> = {
  untestedAssumptionMinutes: {
    label: 'An assumption counts as untested after',
    unit: 'minutes',
    help: 'with no note supporting or challenging it.',
    min: 0,
    step: 5,
    decimals: 0,
  },
  unusedEvidenceMinutes: {
    label: 'Evidence counts as unused after',
    unit: 'minutes',
    help: 'with no hypothesis or idea linked to it.',
    min: 0,
    step: 5,
    decimals: 0,
  },
  unsupportedHypothesisMinutes: {
    label: 'A hypothesis counts as unsupported after',
    unit: 'minutes',
    help: 'with no evidence supporting it.',
    min: 0,
    step: 5,
    decimals: 0,
  },
  unansweredQuestionMinutes: {
    label: 'A question counts as unanswered after',
    unit: 'minutes',
    help: 'with no note answering it.',
    min: 0,
    step: 5,
    decimals: 0,
  },
  silentParticipantMinutes: {
    label: 'A participant counts as quiet after',
    unit: 'minutes',
    help: 'without a note since the inquiry opened, or since their last one.',
    min: 0,
    step: 5,
    decimals: 0,
  },
  balanceMinContributions: {
    label: 'Judge the balance of voices only from',
    unit: 'notes',
    help: 'written under a name; before that, nobody is said to dominate.',
    min: 1,
    step: 1,
    decimals: 0,
  },
  dominantVoiceGini: {
    label: 'One voice dominates when the spread of notes (Gini) is above',
    unit: '0 to 1',
    help: '0 means everyone wrote as much, 1 means one person wrote everything.',
    min: 0,
    max: 1,
    step: 0.05,
    decimals: 2,
  },
  dominantVoiceShare: {
    label: '… or when one person wrote more than this share of the notes',
    unit: '0 to 1',
    help: '0.5 means half of all notes written under a name.',
    min: 0,
    max: 1,
    step: 0.05,
    decimals: 2,
  },
  facilitatorShareMultiple: {
    label: 'The facilitator writes too much above',
    unit: '× a fair share',
    help: 'A fair share is 1 divided by the number of people in the inquiry.',
    min: 1,
    step: 0.1,
    decimals: 2,
  },
  noChallengesMinContributions: {
    label: 'A discussion without any challenge is a risk from',
    unit: 'notes',
    help: 'Below this many notes, having no “challenges” link is not yet a finding.',
    min: 1,
    step: 1,
    decimals: 0,
  },
  prematureConvergenceOpenItems: {
    label: 'A synthesis is premature with more open key items than',
    unit: 'open items',
    help: 'Open questions and untested assumptions; 0 means any one of them counts.',
    min: 0,
    step: 1,
    decimals: 0,
  },
  unheardLensMinContributions: {
    label: 'A lens counts as unheard once the group has written',
    unit: 'notes',
    help: 'with none of them through that lens.',
    min: 1,
    step: 1,
    decimals: 0,
  },
};

const SPECS: FieldSpec[] = Object.entries(SPEC_BY_KEY).map(([key, spec]) => ({ key: key as Key, ...spec }));

const KEYS = SPECS.map((s) => s.key);

type Draft = Record<Key, number | string>;

/** The thresholds the console's detectors use in this workspace; owners change them. */
export function ThresholdsForm({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const settings = useInsightSettings(workspaceId);
  const save = useUpdateInsightSettings(workspaceId);
  const { errors, formError, fromError, clear, reset } = useFormErrors(KEYS);
  const [draft, setDraft] = useState<Draft | null>(null);
  const saved = settings.data?.thresholds;

  useEffect(() => {
    if (saved && draft === null) setDraft({ ...saved });
  }, [saved, draft]);

  const changed = (k: Key) => !!draft && !!saved && (draft[k] === '' || Number(draft[k]) !== saved[k]);
  const dirty = KEYS.some(changed);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    reset();
    // Only what changed; an emptied field goes as null, and the server names it.
    const body = Object.fromEntries(
      KEYS.filter((k) => changed(k)).map((k) => [k, draft[k] === '' ? null : Number(draft[k])]),
    ) as Partial<InsightThresholds>;
    save.mutate(body, {
      onSuccess: ({ thresholds }) => {
        setDraft({ ...thresholds });
        notifySuccess('The console uses them from now on.', 'Thresholds saved');
      },
      onError: fromError,
    });
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="thresholds-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="thresholds-heading">
            When the console speaks up
          </Title>
          <Text size="sm" c="dimmed">
            The limits each finding uses. Shorter times and lower limits mean earlier, more frequent findings.
            {canEdit ? '' : ' Owners of the workspace change them.'}
          </Text>
        </Stack>
        {settings.isError ? (
          <PageError error={settings.error} onRetry={() => settings.refetch()} />
        ) : !draft ? (
          <Stack gap="sm">
            <Skeleton h={56} />
            <Skeleton h={56} />
            <Skeleton h={56} />
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate aria-labelledby="thresholds-heading">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
                {SPECS.map((s) => (
                  <NumberInput
                    key={s.key}
                    label={s.label}
                    description={s.help}
                    rightSection={
                      <Text size="xs" c="dimmed" pr="xs" style={{ whiteSpace: 'nowrap' }}>
                        {s.unit}
                      </Text>
                    }
                    rightSectionWidth={s.unit.length > 8 ? 110 : 72}
                    rightSectionPointerEvents="none"
                    hideControls
                    min={s.min}
                    max={s.max}
                    step={s.step}
                    decimalScale={s.decimals}
                    allowDecimal={s.decimals > 0}
                    allowNegative={false}
                    clampBehavior="none"
                    value={draft[s.key]}
                    onChange={(v) => {
                      setDraft((d) => (d ? { ...d, [s.key]: v } : d));
                      clear(s.key);
                    }}
                    error={errors[s.key]}
                    disabled={!canEdit}
                    // Inputs side by side line up, however long the words above them.
                    styles={{
                      root: { display: 'flex', flexDirection: 'column', height: '100%' },
                      label: { marginBottom: 2 },
                      wrapper: { marginTop: 'auto' },
                    }}
                  />
                ))}
              </SimpleGrid>
              {formError && (
                <Alert color="red" variant="light" role="alert">
                  {formError}
                </Alert>
              )}
              {canEdit && (
                <Group justify="space-between" gap="sm">
                  <Button
                    variant="subtle"
                    onClick={() => {
                      setDraft({ ...(settings.data?.defaults ?? DEFAULT_INSIGHT_THRESHOLDS) });
                      reset();
                    }}
                  >
                    Fill in the defaults
                  </Button>
                  <Button type="submit" loading={save.isPending} disabled={!dirty}>
                    Save thresholds
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
