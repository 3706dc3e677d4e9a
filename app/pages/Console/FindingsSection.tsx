import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconCircleCheck,
  IconClockHour4,
  IconMessageQuestion,
  IconRadar2,
  IconSend,
  IconUser,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Contribution } from '../../../contract/contributions.js';
import type { AskedPromptStatus, Finding, InsightSubject } from '../../../contract/insights.js';
import { useAskFinding } from '../../api/insights.js';
import { KindIcon } from '../../components/KindLabel.js';
import { RULE_HELP, SEVERITY_LABEL } from '../../content/insightsHelp.js';
import { KINDS } from '../../kinds.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { excerpt } from '../Map/mapModel.js';
import classes from './Console.module.css';
import { ConsoleSection } from './ConsoleSection.js';
import { groupBySeverity, plainMentions } from './consoleModel.js';

export interface Lookup {
  note: (id: string) => Contribution | undefined;
  personName: (id: string) => string;
}

/** The findings of the rules that fired, by severity, each with its suggested question and a one-click ask. */
export function FindingsSection({
  inquiryId,
  findings,
  asked,
  lookup,
}: {
  inquiryId: string;
  findings: Finding[];
  /** Every suggested question posted, newest first, also once its finding has cleared. */
  asked: AskedPromptStatus[];
  lookup: Lookup;
}) {
  const groups = groupBySeverity(findings);
  return (
    <ConsoleSection
      id="findings"
      title="Findings"
      icon={IconRadar2}
      color="orange"
      helpId="findings"
      description="What the rules see in the discussion right now, on which notes or people, and a question you could ask about it."
    >
      {findings.length === 0 ? (
        <Stack gap={6} data-testid="no-findings">
          <Group gap="xs">
            <IconCircleCheck size={20} color="var(--mantine-color-green-filled)" aria-hidden />
            <Text fw={600}>Nothing needs your attention right now.</Text>
          </Group>
          <Text size="sm" c="dimmed">
            The console keeps watching for:
          </Text>
          <List size="sm" spacing={2}>
            {Object.values(RULE_HELP).map((r) => (
              <List.Item key={r.title}>{r.watches}</List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        groups.map((g) => (
          <Stack key={g.severity} gap="sm" component="section" aria-label={SEVERITY_LABEL[g.severity].label}>
            <Group gap="xs">
              <Title order={3} size="h5">
                {SEVERITY_LABEL[g.severity].label}
              </Title>
              <Badge size="sm" variant="light" color={SEVERITY_LABEL[g.severity].color} radius="sm">
                {g.findings.length}
              </Badge>
            </Group>
            <FindingList inquiryId={inquiryId} findings={g.findings} lookup={lookup} />
          </Stack>
        ))
      )}
      {asked.length > 0 && <AskedList inquiryId={inquiryId} asked={asked} lookup={lookup} />}
    </ConsoleSection>
  );
}

/** The questions asked from the console: answered yet, and whether what prompted them still holds. */
function AskedList({
  inquiryId,
  asked,
  lookup,
}: {
  inquiryId: string;
  asked: AskedPromptStatus[];
  lookup: Lookup;
}) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="asked-heading">
      <Title order={3} size="h5" id="asked-heading">
        Questions you asked
      </Title>
      <Stack
        gap={6}
        component="ul"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        data-testid="asked-prompts"
      >
        {asked.map((a) => {
          const note = lookup.note(a.contributionId);
          return (
            <Group key={a.contributionId} component="li" gap="xs" wrap="wrap" data-asked={a.findingId}>
              <Anchor
                component={Link}
                to={`/i/${inquiryId}?note=${encodeURIComponent(a.contributionId)}`}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {note ? plainMentions(excerpt(note.body, 90)) : 'Your question'}
              </Anchor>
              <Text size="xs" c="dimmed">
                {RULE_HELP[a.rule].title}
              </Text>
              <Badge size="sm" variant="light" color={a.answered ? 'green' : 'blue'} radius="sm" tt="none">
                {a.answered ? 'Answered' : 'Waiting for an answer'}
              </Badge>
              <Badge
                size="sm"
                variant="outline"
                color={a.findingOpen ? 'orange' : 'green'}
                radius="sm"
                tt="none"
              >
                {a.findingOpen ? 'Finding still holds' : 'Finding cleared'}
              </Badge>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}

/** A busy inquiry can have dozens of findings: each group shows its first few, the rest on request. */
const FIRST = 3;

function FindingList({
  inquiryId,
  findings,
  lookup,
}: {
  inquiryId: string;
  findings: Finding[];
  lookup: Lookup;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, FIRST);
  const more = findings.length - shown.length;
  return (
    <>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((f) => (
          <FindingCard key={f.id} inquiryId={inquiryId} finding={f} lookup={lookup} />
        ))}
      </Stack>
      {(more > 0 || all) && findings.length > FIRST && (
        <Button variant="subtle" size="xs" w="fit-content" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Show fewer' : `Show ${more} more`}
        </Button>
      )}
    </>
  );
}

function FindingCard({
  inquiryId,
  finding: f,
  lookup,
}: {
  inquiryId: string;
  finding: Finding;
  lookup: Lookup;
}) {
  const rule = RULE_HELP[f.rule];
  const severity = SEVERITY_LABEL[f.severity];
  const headingId = `finding-${f.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const ask = useAskFinding(inquiryId);
  const to = f.addressedTo ? f.addressedTo.name : null;
  const askLabel = to ? `Ask ${to}` : 'Ask the group';
  const onAsk = () =>
    ask.mutate(f.id, {
      onSuccess: () =>
        notifySuccess(to ? `Your question to ${to} is on the board.` : 'Your question is on the board.'),
      onError: (e) => notifyError(e, 'Could not post the question'),
    });

  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      aria-labelledby={headingId}
      data-rule={f.rule}
      data-finding={f.id}
      style={{ borderLeft: `4px solid var(--mantine-color-${severity.color}-filled)` }}
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Title order={4} size="h5" id={headingId}>
            {rule.title}
          </Title>
          <Badge size="xs" variant="outline" color={severity.color} radius="sm" tt="none">
            {severity.label}
          </Badge>
        </Group>
        <Text size="sm">{f.explanation}</Text>
        <Text size="xs" c="dimmed">
          Rule <code>{f.rule}</code>: watches for {rule.watches}.
        </Text>

        {f.subjects.length > 0 && (
          <Group
            gap={6}
            wrap="wrap"
            component="ul"
            aria-label="Concerns"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {f.subjects.map((s) => (
              <li key={`${s.type}:${s.id}`}>
                <SubjectLink inquiryId={inquiryId} subject={s} lookup={lookup} />
              </li>
            ))}
          </Group>
        )}

        <div className={classes.question}>
          <Text size="xs" c="dimmed" fw={600}>
            Suggested question · {to ? `to ${to}` : 'to the group'}
          </Text>
          <Text size="sm" fs="italic">
            “{plainMentions(f.question)}”
          </Text>
        </div>

        <Group gap="sm" wrap="wrap">
          {f.asked ? (
            <>
              <Badge
                size="md"
                variant="light"
                color={f.asked.answered ? 'green' : 'blue'}
                radius="sm"
                tt="none"
                leftSection={
                  f.asked.answered ? (
                    <IconCircleCheck size={14} aria-hidden />
                  ) : (
                    <IconClockHour4 size={14} aria-hidden />
                  )
                }
                data-testid="asked-status"
              >
                {f.asked.answered ? 'Answered' : 'Asked · waiting for an answer'}
              </Badge>
              <Anchor
                component={Link}
                to={`/i/${inquiryId}?note=${encodeURIComponent(f.asked.contributionId)}`}
                size="sm"
              >
                Open the question on the board
              </Anchor>
            </>
          ) : (
            <Button
              size="xs"
              leftSection={<IconSend size={14} />}
              onClick={onAsk}
              loading={ask.isPending}
              aria-describedby={headingId}
            >
              {askLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function SubjectLink({
  inquiryId,
  subject,
  lookup,
}: {
  inquiryId: string;
  subject: InsightSubject;
  lookup: Lookup;
}) {
  if (subject.type === 'user') {
    const name = lookup.personName(subject.id);
    return (
      <Badge
        component={Link}
        to={`/i/${inquiryId}/people#person-${subject.id}`}
        variant="light"
        color="gray"
        radius="sm"
        tt="none"
        size="lg"
        leftSection={<IconUser size={13} aria-hidden />}
        style={{ cursor: 'pointer' }}
        aria-label={`${name} (open their panel on the People page)`}
      >
        {name}
      </Badge>
    );
  }
  const note = lookup.note(subject.id);
  const kind = note ? KINDS[note.kind] : null;
  const text = note ? excerpt(note.body, 70) : 'a note';
  return (
    <Badge
      component={Link}
      to={`/i/${inquiryId}?note=${encodeURIComponent(subject.id)}`}
      variant="light"
      color={kind?.color ?? 'gray'}
      radius="sm"
      tt="none"
      size="lg"
      maw="100%"
      leftSection={
        note ? <KindIcon kind={note.kind} size={13} /> : <IconMessageQuestion size={13} aria-hidden />
      }
      style={{ cursor: 'pointer', height: 'auto', minHeight: 26, whiteSpace: 'normal', textAlign: 'left' }}
      aria-label={`${kind?.label ?? 'Note'}: ${text} (open on the board)`}
    >
      {text}
    </Badge>
  );
}
