import {
  Alert,
  Box,
  Button,
  Drawer,
  Group,
  MultiSelect,
  type MultiSelectProps,
  Stack,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useMemo, useState } from 'react';
import type { Contribution } from '../../../contract/contributions.js';
import { CONTRIBUTION_KINDS } from '../../../domain/model.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { KindIcon } from '../../components/KindLabel.js';
import { Markdown } from '../../components/Markdown.js';
import { KINDS } from '../../kinds.js';
import { notifySuccess } from '../../lib/notify.js';
import { notesById, snippet, useConsentAction } from './ConclusionModel.js';

export interface EditorOpen {
  /** The version this draft will become: 1 for the first proposal. */
  version: number;
  text: string;
  restsOn: string[];
}

/** Propose the conclusion, or a new version of it: Markdown text and the notes it rests on. */
export function ConclusionEditor({
  inquiryId,
  open,
  notes,
  onClose,
}: {
  inquiryId: string;
  open: EditorOpen;
  notes: readonly Contribution[];
  onClose: () => void;
}) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const first = open.version === 1;
  return (
    <Drawer
      opened
      onClose={onClose}
      position={wide ? 'right' : 'bottom'}
      size={wide ? 560 : '92%'}
      title={<Text fw={650}>{first ? 'Propose a conclusion' : `Propose version ${open.version}`}</Text>}
      padding="lg"
      radius={wide ? 0 : 'md'}
    >
      <EditorForm inquiryId={inquiryId} open={open} notes={notes} onClose={onClose} />
    </Drawer>
  );
}

function EditorForm({
  inquiryId,
  open,
  notes,
  onClose,
}: {
  inquiryId: string;
  open: EditorOpen;
  notes: readonly Contribution[];
  onClose: () => void;
}) {
  const [text, setText] = useState(open.text);
  const [restsOn, setRestsOn] = useState<string[]>(() => {
    const known = notesById(notes);
    return open.restsOn.filter((id) => known.has(id));
  });
  const [tab, setTab] = useState<string>('write');
  const propose = useConsentAction(inquiryId);
  const fields = isApiError(propose.error) ? propose.error.fieldMap() : {};
  const restsOnError =
    fields.restsOn ?? Object.entries(fields).find(([k]) => k.startsWith('restsOn.'))?.[1] ?? undefined;
  const otherError = propose.isError && !fields.text && !restsOnError ? errorMessage(propose.error) : null;

  const byId = useMemo(() => notesById(notes), [notes]);
  const data = useMemo(
    () =>
      CONTRIBUTION_KINDS.map((kind) => ({
        group: KINDS[kind].plural,
        items: notes
          .filter((n) => n.kind === kind)
          .map((n) => ({ value: n.id, label: `${KINDS[kind].label}: ${snippet(n.body, 80)}` })),
      })).filter((g) => g.items.length > 0),
    [notes],
  );

  const renderOption: MultiSelectProps['renderOption'] = ({ option, checked }) => {
    const note = byId.get(option.value);
    if (!note) return option.label;
    return (
      <Group gap={8} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
        <KindIcon kind={note.kind} size={14} />
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="sm" fw={checked ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
            {snippet(note.body, 140)}
          </Text>
          <Text size="xs" c="dimmed">
            {KINDS[note.kind].label} · {note.author?.name ?? 'Anonymous'}
          </Text>
        </Stack>
      </Group>
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate(
      { kind: 'propose', text, restsOn },
      {
        onSuccess: () => {
          notifySuccess(
            'Everyone is asked to endorse it or object.',
            open.version === 1 ? 'Conclusion proposed' : `Version ${open.version} proposed`,
          );
          onClose();
        },
        onError: () => setTab('write'),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {open.version > 1 && (
          <Text size="sm" c="dimmed">
            A new version asks everyone again: endorsements of the current one no longer count. Objections
            stay in the history.
          </Text>
        )}
        <Tabs value={tab} onChange={(v) => setTab(v ?? 'write')} variant="outline">
          <Tabs.List>
            <Tabs.Tab value="write">Write</Tabs.Tab>
            <Tabs.Tab value="preview">Preview</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="sm">
            <Textarea
              label="The conclusion"
              description="What the group now understands, in a few sentences a newcomer could follow. Markdown works."
              placeholder="Aurora lost small shops because onboarding takes two weeks, not because of the March price rise: churn is concentrated where onboarding was slow."
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
              }}
              error={fields.text}
              autosize
              minRows={5}
              maxRows={16}
              maxLength={10000}
              data-autofocus
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            <Box
              mih={120}
              p="sm"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
            >
              {text.trim() ? (
                <Markdown source={text} />
              ) : (
                <Text size="sm" c="dimmed">
                  Nothing to preview yet.
                </Text>
              )}
            </Box>
          </Tabs.Panel>
        </Tabs>

        <MultiSelect
          label="The notes it rests on"
          description="The evidence, hypotheses and insights that carry this conclusion. Type to search."
          placeholder={restsOn.length ? undefined : 'Search the board'}
          data={data}
          value={restsOn}
          onChange={setRestsOn}
          renderOption={renderOption}
          error={restsOnError}
          searchable
          clearable
          hidePickedOptions
          maxDropdownHeight={320}
          nothingFoundMessage="No note matches"
          comboboxProps={{ withinPortal: true }}
        />
        {notes.length === 0 && (
          <Text size="sm" c="dimmed">
            The board has no notes yet: a conclusion has to rest on what the group found.
          </Text>
        )}

        {otherError && (
          <Alert color="red" variant="light" role="alert">
            {otherError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={propose.isPending}>
            {open.version === 1 ? 'Propose to the group' : `Propose version ${open.version}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
