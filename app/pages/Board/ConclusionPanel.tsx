import {
  Alert,
  Badge,
  Button,
  Collapse,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleCheck,
  IconGavel,
  IconHourglass,
  IconMessageCheck,
  IconPencil,
  IconPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import { type FormEvent, useId, useState } from 'react';
import type { Contribution } from '../../../contract/contributions.js';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import { errorMessage, isApiError } from '../../api/client.js';
import { KindIcon } from '../../components/KindLabel.js';
import { Markdown } from '../../components/Markdown.js';
import { PageError } from '../../components/PageState.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { KINDS } from '../../kinds.js';
import { notifySuccess } from '../../lib/notify.js';
import { ConclusionEditor, type EditorOpen } from './ConclusionEditor.js';
import { ConclusionHistory } from './ConclusionHistory.js';
import {
  type Conclusion,
  currentVersion,
  namesList,
  notesById,
  type ProposalVersion,
  snippet,
  useConclusion,
  useConsentAction,
  useRefreshOnActivity,
  type VoiceStatus,
  voiceOf,
} from './ConclusionModel.js';
import { ObjectionCard } from './ConclusionObjections.js';

// Conclusion by consent: the group proposes a conclusion resting on its notes, each participant endorses
// it or objects with a reason, objections are answered, and the group — not the manager — adopts it.

export const VOICE_STYLES: Record<VoiceStatus, { label: string; color: string; icon: typeof IconCheck }> = {
  endorsed: { label: 'Endorsed', color: 'green', icon: IconCheck },
  objection_answered: { label: 'Objection answered', color: 'teal', icon: IconMessageCheck },
  objection_withdrawn: { label: 'Withdrew objection', color: 'green', icon: IconCheck },
  objected: { label: 'Objection open', color: 'orange', icon: IconAlertTriangle },
  waiting: { label: 'Waiting', color: 'gray', icon: IconHourglass },
};

export interface ConclusionPanelProps {
  detail: InquiryDetail;
  myId: string | undefined;
  /** Every note on the board the viewer can see: what a conclusion can rest on. */
  notes: readonly Contribution[];
  /** After synthesizing: the history, without the buttons. */
  readOnly?: boolean;
}

export function ConclusionPanel({ detail, myId, notes, readOnly = false }: ConclusionPanelProps) {
  const { inquiry, participants } = detail;
  useRefreshOnActivity(inquiry);
  const query = useConclusion(inquiry.id);
  const [editor, setEditor] = useState<EditorOpen | null>(null);
  const headingId = useId();
  const conclusion = query.data?.conclusion ?? null;
  const isParticipant = !!myId && participants.some((p) => p.user.id === myId);
  const canAct = !readOnly && isParticipant && !conclusion?.proposal.adopted;
  const current = conclusion ? currentVersion(conclusion.proposal) : undefined;

  const openEditor = () =>
    setEditor({
      version: (current?.version ?? 0) + 1,
      text: current?.text ?? '',
      restsOn: current?.restsOn ?? [],
    });

  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby={headingId}
      style={{ borderTop: '3px solid var(--mantine-color-grape-filled)' }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 320px', minWidth: 0 }}>
            <ThemeIcon color="grape" variant="light" size={32} radius="md" aria-hidden>
              <IconUsersGroup size={20} stroke={1.7} />
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={2} size="h4" id={headingId}>
                {conclusion?.proposal.adopted ? 'The group’s conclusion' : 'Conclusion by consent'}
              </Title>
              {!conclusion?.proposal.adopted && (
                <Text size="sm" c="dimmed">
                  {inquiry.mode === 'collaborative'
                    ? 'The group adopts it: each participant endorses it, or objects with a reason that gets answered. The facilitator is one voice among the others and cannot adopt it alone.'
                    : 'In a cooperative inquiry the facilitator adopts the result; objections stay on record.'}
                </Text>
              )}
            </Stack>
          </Group>
          {canAct && conclusion && (
            <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={openEditor}>
              Propose a new version
            </Button>
          )}
        </Group>

        {query.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Loading the conclusion…
            </Text>
          </Group>
        ) : query.isError ? (
          <PageError error={query.error} onRetry={() => query.refetch()} />
        ) : !conclusion || !current ? (
          <NoProposal canPropose={canAct} readOnly={readOnly} onPropose={openEditor} />
        ) : (
          <ProposalView
            conclusion={conclusion}
            current={current}
            detail={detail}
            myId={myId}
            notes={notes}
            canAct={canAct}
            isParticipant={isParticipant}
            readOnly={readOnly}
          />
        )}
      </Stack>
      {editor && (
        <ConclusionEditor
          inquiryId={inquiry.id}
          open={editor}
          notes={notes}
          onClose={() => setEditor(null)}
        />
      )}
    </Paper>
  );
}

function NoProposal({
  canPropose,
  readOnly,
  onPropose,
}: {
  canPropose: boolean;
  readOnly: boolean;
  onPropose: () => void;
}) {
  if (readOnly) {
    return (
      <Text size="sm" c="dimmed">
        No conclusion was proposed.
      </Text>
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      <Text size="sm">
        Nobody has proposed a conclusion yet. Draft what the group now understands, in a few sentences, and
        link the notes it rests on — the evidence, the hypotheses that held, the insights. Everyone can
        propose a better version later.
      </Text>
      {canPropose ? (
        <Button leftSection={<IconPlus size={16} />} onClick={onPropose}>
          Propose a conclusion
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          Only the inquiry’s participants propose and consent.
        </Text>
      )}
    </Stack>
  );
}

function ProposalView({
  conclusion,
  current,
  detail,
  myId,
  notes,
  canAct,
  isParticipant,
  readOnly,
}: {
  conclusion: Conclusion;
  current: ProposalVersion;
  detail: InquiryDetail;
  myId: string | undefined;
  notes: readonly Contribution[];
  canAct: boolean;
  isParticipant: boolean;
  readOnly: boolean;
}) {
  const { inquiry, participants } = detail;
  const { proposal, state } = conclusion;
  const names = new Map(participants.map((p) => [p.user.id, p.user.name]));
  const nameOf = (id: string) => names.get(id) ?? 'A former participant';
  const adopted = proposal.adopted;
  const currentObjections = proposal.objections.filter((o) => o.version === current.version);
  const earlier =
    proposal.versions.length - 1 + proposal.objections.filter((o) => o.version !== current.version).length;

  return (
    <Stack gap="lg">
      {adopted && (
        <Alert
          color="green"
          variant="light"
          styles={{ title: { color: 'var(--mantine-color-green-ink)' } }}
          icon={<IconCircleCheck size={20} aria-hidden />}
          title={
            adopted.basis === 'consent' ? 'Adopted by the group’s consent' : 'Adopted by the facilitator'
          }
        >
          <Text size="sm">
            Version {adopted.version}, recorded by {nameOf(adopted.by)}{' '}
            <RelativeTime iso={adopted.at} size="sm" c="inherit" />. The conclusion is final; it stays with
            the inquiry in the library.
          </Text>
        </Alert>
      )}

      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <VersionBlock
            version={current}
            nameOf={nameOf}
            notes={notes}
            tag={adopted ? 'adopted' : proposal.versions.length > 1 ? 'current' : undefined}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md" p="md" bg="var(--mantine-color-default-hover)" style={{ borderRadius: 8 }}>
            <Voices conclusion={conclusion} detail={detail} nameOf={nameOf} myId={myId} />
            {canAct && <ConsentButtons conclusion={conclusion} detail={detail} myId={myId} nameOf={nameOf} />}
            {canAct &&
              state.adoptable &&
              (inquiry.mode === 'collaborative' || myId === inquiry.facilitatorId) && (
                <AdoptBox inquiryId={inquiry.id} mode={inquiry.mode} />
              )}
            {canAct &&
              !state.adoptable &&
              inquiry.mode === 'cooperative' &&
              myId === inquiry.facilitatorId && <AdoptBox inquiryId={inquiry.id} mode={inquiry.mode} early />}
            {!readOnly && !isParticipant && !adopted && (
              <Text size="sm" c="dimmed">
                You are not a participant of this inquiry: you can follow the consent, not take part in it.
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      {currentObjections.length > 0 && (
        <Stack gap="sm" component="section" aria-label="Objections to this version">
          <Text fw={600} size="sm">
            Objections to version {current.version}
          </Text>
          {currentObjections.map((o) => (
            <ObjectionCard
              key={o.id}
              objection={o}
              inquiryId={inquiry.id}
              myId={myId}
              facilitatorId={inquiry.facilitatorId}
              proposerId={proposal.versions.find((v) => v.version === o.version)?.proposedBy}
              nameOf={nameOf}
              readOnly={!canAct}
            />
          ))}
        </Stack>
      )}

      {earlier > 0 && (
        <ConclusionHistory
          proposal={proposal}
          current={current}
          nameOf={nameOf}
          notes={notes}
          inquiryId={inquiry.id}
          facilitatorId={inquiry.facilitatorId}
        />
      )}
    </Stack>
  );
}

/** One version: its text, who proposed it, and the notes it rests on. */
export function VersionBlock({
  version,
  nameOf,
  notes,
  tag,
}: {
  version: ProposalVersion;
  nameOf: (id: string) => string;
  notes: readonly Contribution[];
  tag?: string;
}) {
  const byId = notesById(notes);
  return (
    <Stack gap="sm">
      <Group gap={6} wrap="wrap">
        <Badge variant="light" color="grape" radius="sm">
          Version {version.version}
          {tag ? ` · ${tag}` : ''}
        </Badge>
        <Text size="xs" c="dimmed">
          proposed by {nameOf(version.proposedBy)}
        </Text>
        <RelativeTime iso={version.proposedAt} />
      </Group>
      <Markdown source={version.text} style={{ fontSize: 'var(--mantine-font-size-md)' }} />
      <div>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
          Rests on {version.restsOn.length} {version.restsOn.length === 1 ? 'note' : 'notes'}
        </Text>
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {version.restsOn.map((id) => {
            const note = byId.get(id);
            return (
              <Group component="li" key={id} gap={8} wrap="nowrap" align="flex-start">
                {note ? (
                  <>
                    <KindIcon kind={note.kind} size={14} />
                    <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      <Text span size="sm" fw={600}>
                        {KINDS[note.kind].label}:
                      </Text>{' '}
                      {snippet(note.body)}{' '}
                      <Text span size="xs" c="dimmed">
                        — {note.author?.name ?? 'Anonymous'}
                      </Text>
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    A note you cannot see (private, or removed).
                  </Text>
                )}
              </Group>
            );
          })}
        </Stack>
      </div>
    </Stack>
  );
}

/** Each participant's voice on the current version, with names, and who the group is waiting for. */
function Voices({
  conclusion,
  detail,
  nameOf,
  myId,
}: {
  conclusion: Conclusion;
  detail: InquiryDetail;
  nameOf: (id: string) => string;
  myId: string | undefined;
}) {
  const { state, proposal } = conclusion;
  const { inquiry, participants } = detail;
  const waiting = state.waitingFor.map((id) => (id === myId ? 'you' : nameOf(id)));
  const open = state.openObjections.length;
  const summary = proposal.adopted
    ? null
    : state.adoptable
      ? inquiry.mode === 'collaborative'
        ? 'Everyone has consented. Any participant can now record the adoption.'
        : 'Everyone has consented. The facilitator can adopt it.'
      : [
          waiting.length > 0 ? `Waiting for ${namesList(waiting)} to endorse or object` : '',
          open > 0 ? `${open} ${open === 1 ? 'objection is' : 'objections are'} waiting for an answer` : '',
        ]
          .filter(Boolean)
          .join('; ') + '.';

  return (
    <Stack gap="xs">
      <Group gap={6}>
        <Text fw={600} size="sm">
          Where everyone stands
        </Text>
        <Text size="sm" c="dimmed">
          {state.consented.length} of {participants.length} consented
        </Text>
      </Group>
      <Stack
        component="ul"
        gap={6}
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label="Consent by participant"
      >
        {participants.map((p) => {
          const status = voiceOf(state, p.user.id);
          const s = VOICE_STYLES[status];
          const Icon = s.icon;
          return (
            <Group
              component="li"
              key={p.user.id}
              justify="space-between"
              gap="xs"
              wrap="wrap"
              style={{ rowGap: 2 }}
            >
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <PersonAvatar person={p.user} size={24} />
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {p.user.name}
                  {p.user.id === myId ? ' (you)' : ''}
                  {p.user.id === inquiry.facilitatorId && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · facilitator
                    </Text>
                  )}
                </Text>
              </Group>
              <Badge
                variant="light"
                color={s.color}
                radius="sm"
                tt="none"
                leftSection={<Icon size={12} aria-hidden />}
                style={{ flexShrink: 0 }}
              >
                {proposal.adopted && status === 'waiting' ? 'Did not respond' : s.label}
              </Badge>
            </Group>
          );
        })}
      </Stack>
      {summary && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {summary}
        </Text>
      )}
    </Stack>
  );
}

/** Endorse, or object with a reason. */
function ConsentButtons({
  conclusion,
  detail,
  myId,
  nameOf,
}: {
  conclusion: Conclusion;
  detail: InquiryDetail;
  myId: string | undefined;
  nameOf: (id: string) => string;
}) {
  const inquiryId = detail.inquiry.id;
  const endorse = useConsentAction(inquiryId);
  const object = useConsentAction(inquiryId);
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');
  const mine = myId ? voiceOf(conclusion.state, myId) : 'waiting';
  const proposer = currentVersion(conclusion.proposal)?.proposedBy;
  const reasonError = isApiError(object.error) ? object.error.fieldMap().reason : undefined;

  const submitObjection = (e: FormEvent) => {
    e.preventDefault();
    object.mutate(
      { kind: 'object', reason },
      {
        onSuccess: () => {
          setObjecting(false);
          setReason('');
          notifySuccess(
            `${proposer && proposer !== myId ? nameOf(proposer) : 'The facilitator'} can now answer it.`,
            'Objection recorded',
          );
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {mine === 'endorsed' ? (
          <Badge
            size="lg"
            variant="light"
            color="green"
            radius="sm"
            tt="none"
            leftSection={<IconCheck size={14} aria-hidden />}
          >
            You endorse this version
          </Badge>
        ) : (
          <Button
            leftSection={<IconCheck size={16} />}
            color="green"
            loading={endorse.isPending}
            disabled={mine === 'objected'}
            onClick={() =>
              endorse.mutate(
                { kind: 'endorse' },
                { onSuccess: () => notifySuccess('Your endorsement is recorded.', 'Endorsed') },
              )
            }
          >
            Endorse
          </Button>
        )}
        {!objecting && (
          <Button
            variant="default"
            leftSection={<IconAlertTriangle size={16} />}
            onClick={() => {
              object.reset();
              setObjecting(true);
            }}
          >
            {mine === 'objected' ? 'Raise another objection' : 'Object'}
          </Button>
        )}
      </Group>
      {mine === 'objected' && (
        <Text size="xs" c="dimmed">
          To endorse, first withdraw your objection.
        </Text>
      )}
      {endorse.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(endorse.error)}
        </Alert>
      )}
      <Collapse expanded={objecting}>
        <form onSubmit={submitObjection}>
          <Stack gap="sm" maw={640}>
            <Textarea
              label="Why do you object?"
              description="Say what would have to change for you to consent. The proposer or the facilitator answers; the objection stays on record."
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              autosize
              minRows={2}
              maxLength={2000}
            />
            {object.isError && !reasonError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(object.error)}
              </Alert>
            )}
            <Group gap="sm">
              <Button type="submit" loading={object.isPending}>
                Record my objection
              </Button>
              <Button variant="subtle" color="gray" onClick={() => setObjecting(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}

/** Adopting: by the group's consent (collaborative), or the facilitator's authority (cooperative). */
function AdoptBox({
  inquiryId,
  mode,
  early = false,
}: {
  inquiryId: string;
  mode: 'collaborative' | 'cooperative';
  early?: boolean;
}) {
  const adopt = useConsentAction(inquiryId);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconGavel size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm">
            {early
              ? 'As the facilitator of a cooperative inquiry you can adopt the conclusion now; open objections stay on record.'
              : mode === 'collaborative'
                ? 'Every participant has endorsed this version or had their objections answered. Any of you can record the adoption; it is then final.'
                : 'Everyone has consented. Adopt it to close the consent; it is then final.'}
          </Text>
        </Group>
        <Group>
          <Button
            leftSection={<IconCircleCheck size={16} />}
            loading={adopt.isPending}
            onClick={() =>
              adopt.mutate(
                { kind: 'adopt' },
                {
                  onSuccess: () =>
                    notifySuccess(
                      'The group can move on to reflecting.',
                      mode === 'collaborative' ? 'Adopted by consent' : 'Adopted',
                    ),
                },
              )
            }
          >
            Adopt the conclusion
          </Button>
        </Group>
        {adopt.isError && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title="Not adopted"
            styles={{ title: { color: 'var(--mantine-color-red-ink)' } }}
          >
            {errorMessage(adopt.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
