import { Alert, Box, Button, Group, List, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import type { Reflection } from '../../../contract/consent.js';
import {
  MIN_TEACH_BACK_WORDS,
  REFLECTION_FIELDS,
  type ReflectionField,
  reflectionProblems,
} from '../../../domain/mechanics/reflection.js';
import { countWords } from '../../../domain/mechanics/text.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { Markdown } from '../../components/Markdown.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { notifySuccess } from '../../lib/notify.js';
import { reflectionsKey, refreshMechanics } from './ConclusionModel.js';

type Draft = Record<ReflectionField, string>;

const EMPTY: Draft = { learned: '', stillUnclear: '', keep: '', change: '', teachBack: '' };

function draftOf(r: Reflection | undefined): Draft {
  if (!r) return EMPTY;
  return {
    learned: r.learned,
    stillUnclear: r.stillUnclear,
    keep: r.keep,
    change: r.change,
    teachBack: r.teachBack,
  };
}

const PLACEHOLDERS: Record<ReflectionField, string> = {
  learned: 'That churn follows onboarding time much more closely than price.',
  stillUnclear: 'Whether the larger shops would react the same way.',
  keep: 'Posting our hunches as hypotheses before anyone argued for them.',
  change: 'Bring the support data in at the start, not in week two.',
  teachBack: 'Explain it to a colleague who was not here: what happened, why, and how we know.',
};

/** My reflection: five answers, saved as a draft whenever I like, with what is still needed as I write. */
export function ReflectionForm({
  inquiryId,
  mine,
  conclusionText,
}: {
  inquiryId: string;
  mine: Reflection | undefined;
  conclusionText: string | undefined;
}) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(mine));
  const saved = draftOf(mine);
  const dirty = REFLECTION_FIELDS.some((f) => draft[f.id] !== saved[f.id]);
  const problems = useMemo(() => reflectionProblems(draft, conclusionText), [draft, conclusionText]);
  const words = countWords(draft.teachBack);
  const complete = problems.length === 0;

  const save = useMutation({
    mutationFn: (body: Draft) => api.saveReflection(inquiryId, body),
    onSuccess: (list) => {
      qc.setQueryData(reflectionsKey(inquiryId), list);
      notifySuccess(
        complete ? 'The group can see it; thank you.' : 'Saved as a draft; finish it whenever you are ready.',
        complete ? 'Reflection saved' : 'Draft saved',
      );
    },
    onSettled: () => refreshMechanics(qc, inquiryId),
  });
  const fieldErrors = isApiError(save.error) ? save.error.fieldMap() : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };

  return (
    <form onSubmit={submit} aria-label="My reflection">
      <Stack gap="md">
        {conclusionText && (
          <details>
            <Text component="summary" size="sm" c="var(--mantine-color-anchor)" style={{ cursor: 'pointer' }}>
              Read the adopted conclusion again
            </Text>
            <Box
              mt="xs"
              p="sm"
              style={{ borderLeft: '3px solid var(--mantine-color-grape-filled)', borderRadius: 4 }}
              bg="var(--mantine-color-default-hover)"
            >
              <Markdown source={conclusionText} />
            </Box>
          </details>
        )}
        {REFLECTION_FIELDS.map((f) => (
          <Stack key={f.id} gap={4}>
            <Textarea
              label={f.label}
              description={f.help}
              placeholder={PLACEHOLDERS[f.id]}
              value={draft[f.id]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [f.id]: value }));
              }}
              error={fieldErrors[f.id]}
              autosize
              minRows={f.id === 'teachBack' ? 4 : 2}
              maxRows={14}
              maxLength={5000}
            />
            {f.id === 'teachBack' && (
              <Text
                size="xs"
                c={words >= MIN_TEACH_BACK_WORDS ? 'var(--mantine-color-green-ink)' : 'dimmed'}
                data-testid="teach-back-count"
              >
                {words} {words === 1 ? 'word' : 'words'}
                {words >= MIN_TEACH_BACK_WORDS
                  ? ' — long enough to explain it'
                  : ` of at least ${MIN_TEACH_BACK_WORDS}`}
              </Text>
            )}
          </Stack>
        ))}

        <Box aria-live="polite">
          {complete ? (
            <Group gap={8} wrap="nowrap">
              <ThemeIcon color="green" variant="light" size={22} radius="xl" aria-hidden>
                <IconCheck size={14} />
              </ThemeIcon>
              <Text size="sm">
                Complete: every answer says something, and the teach-back is in your own words.
              </Text>
            </Group>
          ) : (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Before it counts as complete
              </Text>
              <List
                size="sm"
                spacing={2}
                icon={<IconCircleDashed size={14} color="var(--mantine-color-dimmed)" aria-hidden />}
                center
              >
                {problems.map((p) => (
                  <List.Item key={`${p.field}-${p.needs}`}>
                    <Text size="sm" c="dimmed" span>
                      {p.message}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Box>

        {save.isError && Object.keys(fieldErrors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="xs" c="dimmed">
            {mine ? (
              <>
                {mine.complete ? 'Saved, complete' : 'Saved as a draft'} ·{' '}
                <RelativeTime iso={mine.updatedAt} />
                {dirty ? ' · unsaved changes' : ''}
              </>
            ) : dirty ? (
              'Not saved yet'
            ) : (
              'Drafts are fine: save whenever you like; the group sees what you saved.'
            )}
          </Text>
          <Button type="submit" loading={save.isPending} disabled={!dirty && !!mine}>
            {complete ? 'Save reflection' : 'Save draft'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
