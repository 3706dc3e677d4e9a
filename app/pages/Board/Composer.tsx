import {
  Alert,
  Box,
  Button,
  Chip,
  Drawer,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import type { Contribution } from '../../../contract/contributions.js';
import type { Confidence, ContributionKind, LinkKind } from '../../../domain/model.js';
import { KindLabel } from '../../components/KindLabel.js';
import { Markdown } from '../../components/Markdown.js';
import { CONFIDENCE_LABELS, CONFIDENCE_LIST, KIND_LIST, KINDS, LINKS, replyKindsFor } from '../../kinds.js';
import { plainExcerpt } from '../../lib/markdown.js';
import classes from './Board.module.css';

export type ComposerTarget =
  | { mode: 'new' }
  | { mode: 'reply'; target: Contribution }
  | { mode: 'edit'; contribution: Contribution };

export interface Draft {
  kind: ContributionKind;
  body: string;
  confidence: Confidence;
  anonymous: boolean;
  linkKind: LinkKind;
}

export const EMPTY_DRAFT: Draft = {
  kind: 'question',
  body: '',
  confidence: 'leaning',
  anonymous: false,
  linkKind: 'builds_on',
};

export function draftFor(target: ComposerTarget): Draft {
  if (target.mode === 'edit') {
    const c = target.contribution;
    return { ...EMPTY_DRAFT, kind: c.kind, body: c.body, confidence: c.confidence, anonymous: c.anonymous };
  }
  if (target.mode === 'reply') {
    return { ...EMPTY_DRAFT, kind: target.target.kind === 'question' ? 'hypothesis' : 'evidence' };
  }
  return EMPTY_DRAFT;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface ComposerProps {
  opened: boolean;
  target: ComposerTarget;
  initial: Draft;
  errors: Record<string, string>;
  formError: string | null;
  allowAnonymous: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (draft: Draft) => void;
  /** Every change to the draft, for the typing hint. */
  onDraftChange?: (draft: Draft) => void;
}

/** Write a note: kind, Markdown body with preview, confidence, anonymity; Ctrl/Cmd+Enter posts. */
export function Composer(props: ComposerProps) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const title =
    props.target.mode === 'edit' ? 'Edit note' : props.target.mode === 'reply' ? 'Reply' : 'New note';
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position={wide ? 'right' : 'bottom'}
      size={wide ? 520 : '92%'}
      title={<Text fw={650}>{title}</Text>}
      padding="lg"
      radius={wide ? 0 : 'md'}
    >
      <ComposerForm {...props} />
    </Drawer>
  );
}

function ComposerForm({
  target,
  initial,
  errors,
  formError,
  allowAnonymous,
  busy,
  onClose,
  onSubmit,
  onDraftChange,
}: ComposerProps) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [tab, setTab] = useState<string>('write');
  const set = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (target.mode !== 'edit') onDraftChange?.(next);
  };
  const editing = target.mode === 'edit';
  const kind = KINDS[draft.kind];

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    onSubmit(draft);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Stack gap="lg">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}

        {target.mode === 'reply' && (
          <>
            <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-default-hover)">
              <Text size="xs" c="dimmed" mb={4}>
                Replying to
              </Text>
              <KindLabel kind={target.target.kind} size="xs" />
              <Text size="sm" mt={4} lineClamp={3}>
                {plainExcerpt(target.target.body, 240)}
              </Text>
            </Paper>
            <fieldset className={classes.fieldset}>
              <legend className={classes.legend}>How does your note relate to it?</legend>
              <Chip.Group value={draft.linkKind} onChange={(v) => set({ linkKind: v as LinkKind })}>
                <Group gap={6}>
                  {replyKindsFor(target.target.kind).map((k) => (
                    <Chip
                      key={k}
                      value={k}
                      color={LINKS[k].color}
                      variant="light"
                      size="sm"
                      classNames={{ label: classes.chipLabel }}
                    >
                      {LINKS[k].label}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {errors.links && (
                <Text size="xs" c="red" mt={4}>
                  {errors.links}
                </Text>
              )}
            </fieldset>
          </>
        )}

        {editing ? (
          <KindLabel kind={draft.kind} />
        ) : (
          <fieldset className={classes.fieldset}>
            <legend className={classes.legend}>Kind of note</legend>
            <Chip.Group value={draft.kind} onChange={(v) => set({ kind: v as ContributionKind })}>
              <Group gap={6}>
                {KIND_LIST.map((k) => (
                  <Chip
                    key={k}
                    value={k}
                    color={KINDS[k].color}
                    variant="light"
                    size="sm"
                    classNames={{ label: classes.chipLabel }}
                  >
                    {KINDS[k].label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Text size="xs" c="dimmed" mt={8} aria-live="polite">
              <b>{kind.label}:</b> {kind.hint}
            </Text>
            {errors.kind && (
              <Text size="xs" c="red" mt={4}>
                {errors.kind}
              </Text>
            )}
          </fieldset>
        )}

        <Tabs value={tab} onChange={(v) => setTab(v ?? 'write')} variant="outline">
          <Tabs.List>
            <Tabs.Tab value="write">Write</Tabs.Tab>
            <Tabs.Tab value="preview">Preview</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="sm">
            <Textarea
              label="Your note"
              description="Markdown works: **bold**, lists, [links](https://example.com)."
              placeholder={kind.placeholder}
              value={draft.body}
              onChange={(e) => set({ body: e.currentTarget.value })}
              error={errors.body}
              autosize
              minRows={5}
              maxRows={16}
              data-autofocus
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            <Box
              mih={120}
              p="sm"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
            >
              {draft.body.trim() ? (
                <Markdown source={draft.body} />
              ) : (
                <Text size="sm" c="dimmed">
                  Nothing to preview yet.
                </Text>
              )}
            </Box>
          </Tabs.Panel>
        </Tabs>

        <fieldset className={classes.fieldset}>
          <legend className={classes.legend}>How sure are you?</legend>
          <SegmentedControl
            value={draft.confidence}
            onChange={(v) => set({ confidence: v as Confidence })}
            data={CONFIDENCE_LIST.map((c) => ({ value: c, label: CONFIDENCE_LABELS[c] }))}
            fullWidth
          />
          <Text size="xs" c="dimmed" mt={6}>
            Being unsure is useful information, not a weakness.
          </Text>
        </fieldset>

        {allowAnonymous && !editing && (
          <Switch
            label="Post anonymously"
            description="Your name is hidden from everyone, the facilitator included."
            checked={draft.anonymous}
            onChange={(e) => set({ anonymous: e.currentTarget.checked })}
          />
        )}

        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed" visibleFrom="sm">
            <Kbd size="xs">{IS_MAC ? '⌘' : 'Ctrl'}</Kbd> + <Kbd size="xs">Enter</Kbd> to{' '}
            {editing ? 'save' : 'post'}
          </Text>
          <Group gap="sm" ml="auto">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {editing ? 'Save' : 'Post'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
