import { Checkbox, Group, MultiSelect, Radio, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { THINK_FIRST_PHASES, type ThinkFirstPhase } from '../../domain/mechanics/private-mode.js';
import type { Mode } from '../../domain/model.js';
import { PHASE_STYLES } from '../kinds.js';

export interface FramingValues {
  title: string;
  question: string;
  context: string;
  successCriteria: string;
  mode: Mode;
  allowAnonymous: boolean;
  privateMode: boolean;
  leaderSpeaksLast: boolean;
  /** Phases to think first in: private mode on while the inquiry is in one, revealed after. */
  privatePhases: ThinkFirstPhase[];
  participantIds: string[];
}

export const FRAMING_FIELDS = [
  'title',
  'question',
  'context',
  'successCriteria',
  'mode',
  'allowAnonymous',
  'privateMode',
  'leaderSpeaksLast',
  'privatePhases',
  'participantIds',
] as const;

export const EMPTY_FRAMING: FramingValues = {
  title: '',
  question: '',
  context: '',
  successCriteria: '',
  mode: 'collaborative',
  allowAnonymous: false,
  privateMode: false,
  leaderSpeaksLast: false,
  privatePhases: [],
  participantIds: [],
};

export const MODE_TEXT: Record<Mode, { label: string; line: string }> = {
  collaborative: {
    label: 'Collaborative',
    line: 'The whole group wrestles with the whole problem and the authority shifts to the group. For new, unclear problems.',
  },
  cooperative: {
    label: 'Cooperative',
    line: 'Split a known task into parts, each with an owner; the facilitator keeps the authority. For execution.',
  },
};

/** The framing of an inquiry: used to frame a new one and to edit an existing one. */
export function InquiryFields({
  values,
  onChange,
  errors,
  people,
  modeField,
  afterQuestion,
}: {
  values: FramingValues;
  onChange: (patch: Partial<FramingValues>, field: keyof FramingValues) => void;
  errors: Record<string, string>;
  people: { value: string; label: string }[];
  /** Replaces the plain mode picker (the framing page puts the fit check there). */
  modeField?: ReactNode;
  /** Shown right under the question (the framing page's suggestions from the library). */
  afterQuestion?: ReactNode;
}) {
  return (
    <Stack gap="lg">
      <TextInput
        label="Title"
        description="A short name the team will recognise."
        placeholder="Why is Aurora slipping?"
        value={values.title}
        onChange={(e) => onChange({ title: e.currentTarget.value }, 'title')}
        error={errors.title}
        maxLength={120}
      />
      <Textarea
        label="The question"
        description="One open question nobody on the team can answer alone yet."
        placeholder="Why have Aurora sales fallen for three quarters while the rest of the range grew?"
        value={values.question}
        onChange={(e) => onChange({ question: e.currentTarget.value }, 'question')}
        error={errors.question}
        autosize
        minRows={2}
        maxLength={500}
      />
      {afterQuestion}
      <Textarea
        label="Context"
        description="What the team should know before starting: what happened, what was tried. Markdown works."
        value={values.context}
        onChange={(e) => onChange({ context: e.currentTarget.value }, 'context')}
        error={errors.context}
        autosize
        minRows={3}
      />
      <Textarea
        label="What success looks like"
        description="How will the group know it has a good enough answer?"
        placeholder="An explanation the whole team can teach back, backed by data, and one thing to try next quarter."
        value={values.successCriteria}
        onChange={(e) => onChange({ successCriteria: e.currentTarget.value }, 'successCriteria')}
        error={errors.successCriteria}
        autosize
        minRows={2}
      />
      {modeField ?? (
        <Radio.Group
          label="Mode"
          value={values.mode}
          onChange={(v) => onChange({ mode: v as Mode }, 'mode')}
          error={errors.mode}
        >
          <Stack gap="sm" mt="xs">
            {(Object.keys(MODE_TEXT) as Mode[]).map((m) => (
              <Radio key={m} value={m} label={MODE_TEXT[m].label} description={MODE_TEXT[m].line} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Switch
        label="Allow anonymous notes"
        description="People may post without their name. Nobody — not even you — sees who wrote them."
        checked={values.allowAnonymous}
        onChange={(e) => onChange({ allowAnonymous: e.currentTarget.checked }, 'allowAnonymous')}
        error={errors.allowAnonymous}
      />
      <Switch
        label="Think first (private notes)"
        description="Each person's notes stay private to them and the facilitator until you reveal them, so nobody anchors on the first idea."
        checked={values.privateMode}
        onChange={(e) => onChange({ privateMode: e.currentTarget.checked }, 'privateMode')}
        error={errors.privateMode}
      />
      <Checkbox.Group
        label="Think first in these phases"
        description="Private mode turns on when the group enters a ticked phase, and everything is revealed when it moves on to one that is not ticked."
        value={values.privatePhases}
        onChange={(v) =>
          onChange(
            // Kept in phase order, whatever the order of the clicks.
            { privatePhases: THINK_FIRST_PHASES.filter((p) => v.includes(p)) },
            'privatePhases',
          )
        }
        error={errors.privatePhases}
      >
        <Group gap="md" mt="xs">
          {THINK_FIRST_PHASES.map((p) => (
            <Checkbox key={p} value={p} label={PHASE_STYLES[p].label} />
          ))}
        </Group>
      </Checkbox.Group>
      <Switch
        label="Leader speaks last"
        description="The facilitator's own notes stay hidden from the group until every member has posted."
        checked={values.leaderSpeaksLast}
        onChange={(e) => onChange({ leaderSpeaksLast: e.currentTarget.checked }, 'leaderSpeaksLast')}
        error={errors.leaderSpeaksLast}
      />
      <MultiSelect
        label="Participants"
        description="Who works on this together. Anyone in the workspace can still read it."
        placeholder={values.participantIds.length ? undefined : 'Choose people'}
        data={people}
        value={values.participantIds}
        onChange={(v) => onChange({ participantIds: v }, 'participantIds')}
        error={errors.participantIds}
        searchable
        clearable
        hidePickedOptions
        nothingFoundMessage="Nobody by that name"
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
