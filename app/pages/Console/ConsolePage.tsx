import { Button, Center, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useInsights } from '../../api/insights.js';
import { useMe, useMyRole } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { BackToBoard } from '../../components/BackToBoard.js';
import { InquiryNav } from '../../components/InquiryNav.js';
import { PageError } from '../../components/PageState.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useLiveInquiry } from '../../live/useLiveInquiry.js';
import { useBoardQueries } from '../Board/useBoardData.js';
import classes from './Console.module.css';
import { FindingsSection, type Lookup } from './FindingsSection.js';
import { ParticipationSection } from './ParticipationSection.js';
import { PulseSection } from './PulseSection.js';
import { ResilienceSection } from './ResilienceSection.js';
import { UnderstandingSection } from './UnderstandingSection.js';

// The facilitator's console: the health of the group's thinking and the question to ask next. It follows
// the inquiry's live stream; each event moves the inquiry's lastSeq, and the figures are read again once
// a burst of events has settled (app/api/insights.ts).

const SECTIONS = [
  { id: 'findings', label: 'Findings' },
  { id: 'participation', label: 'Participation' },
  { id: 'resilience', label: 'Resilience' },
  { id: 'understanding', label: 'Understanding' },
  { id: 'pulse', label: 'Safety pulse' },
];

export function ConsolePage() {
  const { inquiryId = '' } = useParams();
  const liveUp = useRef(false);
  const { detail, board } = useBoardQueries(inquiryId, liveUp);
  useLiveInquiry(inquiryId, detail.data?.inquiry.lastSeq, liveUp);
  const inquiry = detail.data?.inquiry;
  const me = useMe();
  const role = useMyRole(inquiry?.workspaceId);
  const myId = me.data?.user.id;
  const known = !!inquiry && !!me.data;
  const canModerate = role === 'owner' || (!!inquiry && inquiry.facilitatorId === myId);
  const insights = useInsights(inquiryId, inquiry?.lastSeq, known && canModerate);

  useEffect(() => {
    if (inquiry) document.title = `Console · ${inquiry.title} · Colearn`;
  }, [inquiry]);

  const notes = useMemo(() => new Map((board.data?.items ?? []).map((c) => [c.id, c])), [board.data]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of detail.data?.participants ?? []) m.set(p.user.id, p.user.name);
    for (const p of insights.data?.participation.people ?? []) m.set(p.user.id, p.user.name);
    return m;
  }, [detail.data, insights.data]);
  const note = useCallback((id: string) => notes.get(id), [notes]);
  const personName = useCallback((id: string) => names.get(id) ?? 'Someone', [names]);
  const lookup: Lookup = useMemo(() => ({ note, personName }), [note, personName]);

  if (detail.isError) {
    return (
      <AppLayout>
        <PageError error={detail.error} onRetry={() => detail.refetch()} />
      </AppLayout>
    );
  }

  const crumbs = <BackToBoard inquiryId={inquiryId} />;

  return (
    <AppLayout workspaceId={inquiry?.workspaceId} crumbs={crumbs} wide>
      <Stack gap="lg">
        <Stack gap={6}>
          {inquiry ? (
            <>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {inquiry.title}
              </Text>
              <Title order={1} size="h2">
                Facilitator’s console
              </Title>
              <Text c="dimmed" maw={760}>
                The health of the group’s thinking, the question worth asking next, who is taking part, and
                where what the group learns now lives. Every figure says which rule fired on what.
              </Text>
            </>
          ) : (
            <Skeleton h={60} w="60%" />
          )}
        </Stack>
        <InquiryNav inquiryId={inquiryId} current="console" />

        {!known ? (
          <Skeleton h={240} />
        ) : !canModerate ? (
          <Center mih="30vh">
            <Stack align="center" gap="sm" maw={440} ta="center">
              <IconLock size={32} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
              <Title order={2} size="h3">
                The console is the facilitator’s
              </Title>
              <Text c="dimmed" size="sm">
                Only the inquiry’s facilitator and the workspace’s owners see it. What everyone sees of each
                other’s part is on the People page.
              </Text>
              <Button component={Link} to={`/i/${inquiryId}/people`} variant="light">
                Go to People
              </Button>
            </Stack>
          </Center>
        ) : insights.isError ? (
          <PageError error={insights.error} onRetry={() => insights.refetch()} />
        ) : !insights.data || !inquiry ? (
          <Stack gap="md">
            <Skeleton h={180} />
            <Skeleton h={280} />
          </Stack>
        ) : (
          <>
            <Group component="nav" aria-label="Console sections" gap="xs" wrap="wrap" className={classes.toc}>
              {SECTIONS.map((s) => (
                <Button key={s.id} component="a" href={`#${s.id}`} size="compact-xs" variant="default">
                  {s.label}
                  {s.id === 'findings' && insights.data.findings.length > 0
                    ? ` (${insights.data.findings.length})`
                    : ''}
                </Button>
              ))}
              <RelativeTime iso={insights.data.computedAt} prefix="Updated" ml="auto" aria-live="off" />
            </Group>
            <FindingsSection
              inquiryId={inquiryId}
              findings={insights.data.findings}
              asked={insights.data.askedPrompts}
              lookup={lookup}
            />
            <ParticipationSection participation={insights.data.participation} />
            <ResilienceSection resilience={insights.data.resilience} />
            <UnderstandingSection
              inquiryId={inquiryId}
              phase={inquiry.phase}
              understanding={insights.data.understanding}
              lastSeq={inquiry.lastSeq}
            />
            <PulseSection inquiryId={inquiryId} lastSeq={inquiry.lastSeq} />
          </>
        )}
      </Stack>
    </AppLayout>
  );
}
