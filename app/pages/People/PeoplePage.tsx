import {
  Autocomplete,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconEar, IconEarOff, IconEyeglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import type { PersonPanel } from '../../../contract/participation.js';
import { CONTRIBUTION_KINDS } from '../../../domain/model.js';
import { api } from '../../api/endpoints.js';
import { usePeople, useSetPerspective } from '../../api/participation.js';
import { keys, useMe, useMyRole } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { BackToBoard } from '../../components/BackToBoard.js';
import { InquiryNav } from '../../components/InquiryNav.js';
import { KindIcon } from '../../components/KindLabel.js';
import { PageError } from '../../components/PageState.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { KINDS } from '../../kinds.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { CommitmentsPanel } from '../Board/CommitmentsPanel.js';

// Individual accountability: each participant's part in the inquiry, visible to the group, and the
// jigsaw lenses — which have been heard from, and (for the facilitator) who holds which.

export const LENS_SUGGESTIONS = ['customer', 'finance', 'operations', 'data'];

const REFLECTION: Record<PersonPanel['reflection'], { label: string; color: string }> = {
  missing: { label: 'No reflection yet', color: 'gray' },
  incomplete: { label: 'Reflection started', color: 'yellow' },
  complete: { label: 'Reflection in', color: 'green' },
};

export function PeoplePage() {
  const { inquiryId = '' } = useParams();
  const me = useMe();
  const detail = useQuery({
    queryKey: keys.inquiry(inquiryId),
    queryFn: ({ signal }) => api.inquiry(inquiryId, signal),
    refetchInterval: 5_000,
    staleTime: 0,
  });
  const inquiry = detail.data?.inquiry;
  const role = useMyRole(inquiry?.workspaceId);
  const myId = me.data?.user.id;
  const canModerate = role === 'owner' || (!!inquiry && inquiry.facilitatorId === myId);
  const people = usePeople(inquiryId, inquiry?.lastSeq);

  useEffect(() => {
    if (inquiry) document.title = `People · ${inquiry.title} · Colearn`;
  }, [inquiry]);

  // `#person-<id>` (a finding in the console names a person): that person's panel, in view and focused.
  const { hash } = useLocation();
  const loaded = !!people.data;
  useEffect(() => {
    if (!loaded || !hash.startsWith('#person-')) return;
    const el = document.getElementById(hash.slice(1));
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [hash, loaded]);

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
                People
              </Title>
              <Text c="dimmed" maw={720}>
                Everyone’s part in this inquiry, visible to the whole group: what each person brought, whom
                they built on and challenged, what helped others, and what they committed to.
              </Text>
            </>
          ) : (
            <Skeleton h={60} w="60%" />
          )}
        </Stack>
        <InquiryNav inquiryId={inquiryId} current="people" />

        {people.isError ? (
          <PageError error={people.error} onRetry={() => people.refetch()} />
        ) : !people.data || !detail.data ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Skeleton h={220} />
            <Skeleton h={220} />
            <Skeleton h={220} visibleFrom="lg" />
          </SimpleGrid>
        ) : (
          <>
            <Lenses perspectives={people.data.perspectives} canModerate={canModerate} />
            <SimpleGrid
              cols={{ base: 1, sm: 2, lg: 3 }}
              spacing="md"
              component="ul"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
              aria-label="Participants"
            >
              {people.data.items.map((p) => (
                <PersonCard
                  key={p.user.id}
                  panel={p}
                  detail={detail.data}
                  isMe={p.user.id === myId}
                  canModerate={canModerate}
                />
              ))}
            </SimpleGrid>
          </>
        )}

        {detail.data && <CommitmentsPanel detail={detail.data} myId={myId} canModerate={canModerate} />}
      </Stack>
    </AppLayout>
  );
}

function Lenses({
  perspectives,
  canModerate,
}: {
  perspectives: { perspective: string; heard: boolean }[];
  canModerate: boolean;
}) {
  const headingId = useId();
  const unheard = perspectives.filter((p) => !p.heard);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="violet" size={30} radius="md" aria-hidden>
            <IconEyeglass size={18} />
          </ThemeIcon>
          <div>
            <Title order={2} size="h4" id={headingId}>
              Lenses
            </Title>
            <Text size="sm" c="dimmed">
              {perspectives.length === 0
                ? canModerate
                  ? 'Give people a lens (customer, finance, operations, data…) so each holds a part of the picture the others need.'
                  : 'Nobody has been given a lens in this inquiry.'
                : unheard.length === 0
                  ? 'Every lens has been heard from.'
                  : `Not heard from yet: ${unheard.map((p) => p.perspective).join(', ')}.`}
            </Text>
          </div>
        </Group>
        {perspectives.length > 0 && (
          <Group
            gap="xs"
            component="ul"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label="Lenses"
          >
            {perspectives.map((p) => (
              <li key={p.perspective}>
                <Badge
                  size="lg"
                  radius="sm"
                  tt="none"
                  variant={p.heard ? 'light' : 'outline'}
                  color={p.heard ? 'green' : 'orange'}
                  leftSection={
                    p.heard ? <IconEar size={14} aria-hidden /> : <IconEarOff size={14} aria-hidden />
                  }
                >
                  {p.perspective} · {p.heard ? 'heard' : 'not heard yet'}
                </Badge>
              </li>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Stat({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const body = (
    <Stack gap={0} align="flex-start" data-stat={label}>
      <Text fw={650} size="lg" lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
  return hint ? (
    <Tooltip label={hint} multiline w={220}>
      <div>{body}</div>
    </Tooltip>
  ) : (
    body
  );
}

function PersonCard({
  panel: p,
  detail,
  isMe,
  canModerate,
}: {
  panel: PersonPanel;
  detail: InquiryDetail;
  isMe: boolean;
  canModerate: boolean;
}) {
  const headingId = useId();
  const isFacilitator = p.user.id === detail.inquiry.facilitatorId;
  const kinds = CONTRIBUTION_KINDS.filter((k) => (p.contributionsByKind[k] ?? 0) > 0);
  const reflection = REFLECTION[p.reflection];
  const c = p.commitments;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      aria-labelledby={headingId}
      id={`person-${p.user.id}`}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <PersonAvatar person={p.user} size={36} />
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={650} id={headingId} truncate>
              {p.user.name || 'Someone'}
              {isMe ? ' (you)' : ''}
            </Text>
            <Group gap={6} wrap="wrap">
              {isFacilitator && (
                <Badge size="xs" variant="outline" color="gray" radius="sm" tt="none">
                  Facilitator
                </Badge>
              )}
              {p.perspective ? (
                <Badge
                  size="xs"
                  variant="light"
                  color="violet"
                  radius="sm"
                  tt="none"
                  leftSection={<IconEyeglass size={10} aria-hidden />}
                >
                  Lens: {p.perspective}
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  No lens
                </Text>
              )}
            </Group>
          </Stack>
        </Group>

        <div>
          <Text size="sm">
            <Text span fw={650}>
              {p.contributions}
            </Text>{' '}
            {p.contributions === 1 ? 'contribution' : 'contributions'}
          </Text>
          {kinds.length > 0 && (
            <Group gap={8} mt={4} wrap="wrap" aria-label="Contributions by kind">
              {kinds.map((k) => (
                <Group key={k} gap={4} wrap="nowrap">
                  <KindIcon kind={k} size={12} />
                  <Text size="xs">
                    {p.contributionsByKind[k]}{' '}
                    {(p.contributionsByKind[k] ?? 0) === 1 ? KINDS[k].label : KINDS[k].plural}
                  </Text>
                </Group>
              ))}
            </Group>
          )}
        </div>

        <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs">
          <Stat label="Build-ons given" value={p.buildOnsGiven} />
          <Stat label="Built on by others" value={p.buildOnsReceived} />
          <Stat
            label="Helped others"
            value={p.acknowledgementsReceived}
            hint="“This helped me” from others on their notes"
          />
          <Stat label="Challenges given" value={p.challengesGiven} />
          <Stat label="Challenged" value={p.challengesReceived} />
          <Stat label="Help given" value={p.helpGiven} hint="Help requests they picked up and answered" />
        </SimpleGrid>

        <Group gap="xs" wrap="wrap">
          <Badge size="sm" variant="light" color={reflection.color} radius="sm" tt="none">
            {reflection.label}
          </Badge>
          <Text size="xs" c="dimmed">
            Commitments: {c.open ?? 0} open · {c.done ?? 0} done
            {(c.dropped ?? 0) > 0 ? ` · ${c.dropped} dropped` : ''}
          </Text>
        </Group>

        {canModerate && (
          <LensControl
            inquiryId={detail.inquiry.id}
            userId={p.user.id}
            name={p.user.name}
            current={p.perspective}
          />
        )}
      </Stack>
    </Paper>
  );
}

function LensControl({
  inquiryId,
  userId,
  name,
  current,
}: {
  inquiryId: string;
  userId: string;
  name: string;
  current: string | null;
}) {
  const [value, setValue] = useState(current ?? '');
  const set = useSetPerspective(inquiryId);
  useEffect(() => setValue(current ?? ''), [current]);
  const next = value.trim() || null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next === current) return;
    set.mutate(
      { userId, perspective: next },
      {
        onSuccess: () =>
          notifySuccess(next ? `${name} now looks through the ${next} lens.` : `${name} has no lens now.`),
        onError: (err) => notifyError(err, 'Could not give the lens'),
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Autocomplete
          label={`Lens for ${name}`}
          placeholder="customer, finance, operations, data…"
          data={LENS_SUGGESTIONS}
          value={value}
          onChange={setValue}
          size="xs"
          style={{ flex: 1, minWidth: 0 }}
          maxLength={80}
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          type="submit"
          size="xs"
          variant="light"
          loading={set.isPending}
          disabled={next === current}
          leftSection={<IconCheck size={14} />}
        >
          {next === null && current ? 'Remove' : 'Give lens'}
        </Button>
      </Group>
    </form>
  );
}
