import { Badge, Button, Group, Paper, Radio, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconPencil } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { Prompt } from '../../../contract/insights.js';
import { DEFAULT_PROMPTS, RULE_PLACEHOLDERS, unknownPlaceholders } from '../../../domain/insights/prompts.js';
import { INSIGHT_RULES } from '../../../domain/insights/rules.js';
import { type PromptEdit, usePrompts, useResetPrompt, useUpdatePrompt } from '../../api/settings.js';
import { FormFooter } from '../../components/FormFooter.js';
import { PageError } from '../../components/PageState.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { RULE_HELP } from '../../content/insightsHelp.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';

const FIELDS = ['text', 'addressedTo'] as const;
const TEXT_MAX = 600;

const ADDRESSED: Record<Prompt['addressedTo'], string> = {
  group: 'To the group',
  person: 'To one person',
};

function isDefault(p: Prompt): boolean {
  const d = DEFAULT_PROMPTS[p.rule];
  return p.text === d.text && p.addressedTo === d.addressedTo;
}

function placeholderLine(rule: Prompt['rule']): string {
  const names = RULE_PLACEHOLDERS[rule].map((n) => `{${n}}`);
  if (names.length === 0) return 'This rule has no names to fill in: write the question as it is.';
  return `Can use ${names.join(' and ')}, filled in from what the console saw.`;
}

/** The questions the console suggests, one per rule, as this workspace has worded them. */
export function PromptLibrary({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const prompts = usePrompts(workspaceId);
  const [editing, setEditing] = useState<string | null>(null);
  const byRule = INSIGHT_RULES.map((rule) => ({
    rule,
    items: (prompts.data?.items ?? []).filter((p) => p.rule === rule),
  })).filter((g) => g.items.length > 0);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="prompts-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="prompts-heading">
            Suggested questions
          </Title>
          <Text size="sm" c="dimmed">
            When the console sees something, it suggests a question for the facilitator to ask, rather than an
            answer to give. Word them the way your team talks; names and notes are filled in where the
            question says {'{person}'}, {'{note}'} or {'{lens}'}.
          </Text>
        </Stack>
        {prompts.isError ? (
          <PageError error={prompts.error} onRetry={() => prompts.refetch()} />
        ) : prompts.isPending ? (
          <Stack gap="sm">
            <Skeleton h={72} />
            <Skeleton h={72} />
          </Stack>
        ) : (
          <Stack gap="lg">
            {byRule.map(({ rule, items }) => (
              <Stack key={rule} gap="xs" component="section" aria-labelledby={`rule-${rule}`}>
                <Stack gap={0}>
                  <Title order={3} size="h6" id={`rule-${rule}`}>
                    {RULE_HELP[rule].title}
                  </Title>
                  <Text size="xs" c="dimmed">
                    When the console sees {RULE_HELP[rule].watches}.
                  </Text>
                </Stack>
                {items.map((p) =>
                  editing === p.id ? (
                    <PromptEditor
                      key={p.id}
                      workspaceId={workspaceId}
                      prompt={p}
                      onDone={() => setEditing(null)}
                    />
                  ) : (
                    <PromptRow
                      key={p.id}
                      workspaceId={workspaceId}
                      prompt={p}
                      canEdit={canEdit}
                      onEdit={() => setEditing(p.id)}
                    />
                  ),
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function PromptRow({
  workspaceId,
  prompt,
  canEdit,
  onEdit,
}: {
  workspaceId: string;
  prompt: Prompt;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const reset = useResetPrompt(workspaceId);
  const standard = isDefault(prompt);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="prompt">
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          “{prompt.text}”
        </Text>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Badge variant="light" color="gray" size="sm">
              {ADDRESSED[prompt.addressedTo]}
            </Badge>
            <Text size="xs" c="dimmed">
              {standard ? (
                'Default wording'
              ) : (
                <>
                  Reworded <RelativeTime iso={prompt.updatedAt} />
                </>
              )}
            </Text>
          </Group>
          {canEdit && (
            <Group gap={4}>
              {!standard && (
                <Button
                  variant="subtle"
                  color="gray"
                  size="xs"
                  leftSection={<IconArrowBackUp size={14} aria-hidden />}
                  loading={reset.isPending}
                  onClick={() =>
                    reset.mutate(prompt.rule, {
                      onSuccess: () => notifySuccess('The default wording is back.', 'Question reset'),
                      onError: (e) => notifyError(e, 'Could not reset the question'),
                    })
                  }
                  aria-label={`Reset the question for ${RULE_HELP[prompt.rule].title} to the default`}
                >
                  Reset to default
                </Button>
              )}
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={onEdit}
                aria-label={`Edit the question for ${RULE_HELP[prompt.rule].title}`}
              >
                Edit
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function PromptEditor({
  workspaceId,
  prompt,
  onDone,
}: {
  workspaceId: string;
  prompt: Prompt;
  onDone: () => void;
}) {
  const update = useUpdatePrompt(workspaceId);
  const [draft, setDraft] = useState<PromptEdit>({ text: prompt.text, addressedTo: prompt.addressedTo });
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);
  // Said as you type; the server checks the same rule and answers on the same field.
  const bad = unknownPlaceholders(prompt.rule, draft.text);
  const textError =
    errors.text ?? (bad.length > 0 ? `This question cannot fill ${bad.join(', ')}.` : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset();
    update.mutate(
      { promptId: prompt.id, body: draft },
      {
        onSuccess: () => {
          notifySuccess('The console suggests it in this wording from now on.', 'Question saved');
          onDone();
        },
        onError: fromError,
      },
    );
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={submit} noValidate aria-label={`Edit the question for ${RULE_HELP[prompt.rule].title}`}>
        <Stack gap="sm">
          <Textarea
            label="Question"
            description={placeholderLine(prompt.rule)}
            value={draft.text}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setDraft((d) => ({ ...d, text }));
              clear('text');
            }}
            error={textError}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={TEXT_MAX}
            data-autofocus
            autoFocus
          />
          <Radio.Group
            label="Ask it"
            value={draft.addressedTo}
            onChange={(v) => {
              setDraft((d) => ({ ...d, addressedTo: v as Prompt['addressedTo'] }));
              clear('addressedTo');
            }}
            error={errors.addressedTo}
          >
            <Group gap="lg" mt={4}>
              <Radio value="group" label="To the group" />
              <Radio value="person" label="To the person the finding is about" />
            </Group>
          </Radio.Group>
          <FormFooter
            formError={formError}
            onCancel={onDone}
            busy={update.isPending}
            submitLabel="Save question"
          />
        </Stack>
      </form>
    </Paper>
  );
}
