import {
  Badge,
  Divider,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconHourglass, IconNotebook } from '@tabler/icons-react';
import { useId } from 'react';
import type { Reflection } from '../../../contract/consent.js';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import { REFLECTION_FIELDS } from '../../../domain/mechanics/reflection.js';
import { PageError } from '../../components/PageState.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { currentVersion, useConclusion, useReflections, useRefreshOnActivity } from './ConclusionModel.js';
import { ReflectionForm } from './ReflectionForm.js';

// Reflection: each participant looks back on what they learned and how the group worked, and explains
// the conclusion in their own words. Everyone's reflection is visible to the group (individual
// accountability), and the inquiry waits for every participant's.

export function ReflectionPanel({
  detail,
  myId,
  readOnly = false,
}: {
  detail: InquiryDetail;
  myId: string | undefined;
  readOnly?: boolean;
}) {
  const { inquiry, participants } = detail;
  useRefreshOnActivity(inquiry);
  const query = useReflections(inquiry.id);
  const conclusion = useConclusion(inquiry.id);
  const headingId = useId();
  const proposal = conclusion.data?.conclusion?.proposal;
  const adoptedText = proposal?.adopted
    ? proposal.versions.find((v) => v.version === proposal.adopted?.version)?.text
    : proposal
      ? currentVersion(proposal)?.text
      : undefined;

  const names = new Map(participants.map((p) => [p.user.id, p.user.name]));
  const nameOf = (id: string) => names.get(id) ?? 'A former participant';
  const reflectors = participants
    .map((p) => p.user)
    .filter((u) => inquiry.gateSettings.includeFacilitator || u.id !== inquiry.facilitatorId);
  const isParticipant = !!myId && participants.some((p) => p.user.id === myId);
  const expected = !!myId && reflectors.some((u) => u.id === myId);

  const list = query.data;
  const byUser = new Map((list?.items ?? []).map((r) => [r.userId, r]));
  const completeCount = reflectors.filter((u) => byUser.get(u.id)?.complete).length;
  // Participants who reflected without being waited for (the facilitator, usually) are shown too;
  // anyone else's reflection is not the group's.
  const extra = (list?.items ?? []).filter(
    (r) => names.has(r.userId) && !reflectors.some((u) => u.id === r.userId),
  );

  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      component="section"
      aria-labelledby={headingId}
      style={{ borderTop: '3px solid var(--mantine-color-teal-filled)' }}
    >
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 320px', minWidth: 0 }}>
            <ThemeIcon color="teal" variant="light" size={32} radius="md" aria-hidden>
              <IconNotebook size={20} stroke={1.7} />
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={2} size="h4" id={headingId}>
                Reflections
              </Title>
              <Text size="sm" c="dimmed">
                {readOnly
                  ? 'What each participant learned, what stayed unclear, how the group worked, and the conclusion in their own words.'
                  : 'Each participant looks back: what they learned, what is still unclear, how the group worked, and the conclusion in their own words. Everyone’s reflection is visible to the group; the inquiry concludes when every participant’s is complete.'}
              </Text>
            </Stack>
          </Group>
          {list && (
            <Badge
              variant="light"
              color={completeCount === reflectors.length ? 'green' : 'gray'}
              radius="sm"
              tt="none"
              size="lg"
            >
              {completeCount} of {reflectors.length} complete
            </Badge>
          )}
        </Group>

        {query.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Loading reflections…
            </Text>
          </Group>
        ) : query.isError ? (
          <PageError error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <>
            {!readOnly && (
              <Waiting
                missing={list?.readiness.missing ?? []}
                ready={!!list?.readiness.ready}
                nameOf={nameOf}
                myId={myId}
              />
            )}

            <Grid gap="xl">
              {!readOnly && isParticipant && (
                <Grid.Col span={{ base: 12, lg: 7 }}>
                  <Stack gap="sm">
                    <Divider
                      label={
                        <Text size="sm" fw={600} c="var(--mantine-color-text)">
                          Your reflection
                        </Text>
                      }
                      labelPosition="left"
                    />
                    {!expected && (
                      <Text size="sm" c="dimmed">
                        As the facilitator, yours is welcome, though the group does not wait for it.
                      </Text>
                    )}
                    <ReflectionForm
                      // A fresh form once my saved reflection first arrives; later saves keep what I am typing.
                      key={byUser.has(myId ?? '') ? 'saved' : 'new'}
                      inquiryId={inquiry.id}
                      mine={myId ? byUser.get(myId) : undefined}
                      conclusionText={adoptedText}
                    />
                  </Stack>
                </Grid.Col>
              )}

              <Grid.Col span={{ base: 12, lg: !readOnly && isParticipant ? 5 : 12 }}>
                <Stack gap="sm" component="section" aria-label="Everyone’s reflections">
                  {!readOnly && (
                    <Divider
                      label={
                        <Text size="sm" fw={600} c="var(--mantine-color-text)">
                          The group’s reflections
                        </Text>
                      }
                      labelPosition="left"
                    />
                  )}
                  <SimpleGrid
                    cols={!readOnly && isParticipant ? { base: 1, md: 2, lg: 1 } : { base: 1, md: 2 }}
                    spacing="md"
                    style={{ alignItems: 'start' }}
                  >
                    {reflectors.map((u) => (
                      <ReflectionCard
                        key={u.id}
                        person={u}
                        reflection={byUser.get(u.id)}
                        isMe={u.id === myId}
                        concluded={readOnly}
                      />
                    ))}
                    {extra.map((r) => (
                      <ReflectionCard
                        key={r.userId}
                        person={{ id: r.userId, name: nameOf(r.userId) }}
                        reflection={r}
                        isMe={r.userId === myId}
                        concluded={readOnly}
                        note={r.userId === inquiry.facilitatorId ? 'facilitator' : undefined}
                      />
                    ))}
                  </SimpleGrid>
                </Stack>
              </Grid.Col>
            </Grid>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Who the inquiry still waits for, by name, with what each still needs. */
function Waiting({
  missing,
  ready,
  nameOf,
  myId,
}: {
  missing: { userId: string; needs: string[] }[];
  ready: boolean;
  nameOf: (id: string) => string;
  myId: string | undefined;
}) {
  if (ready) {
    return (
      <Group gap={8} wrap="nowrap" aria-live="polite">
        <ThemeIcon color="green" variant="light" size={22} radius="xl" aria-hidden>
          <IconCheck size={14} />
        </ThemeIcon>
        <Text size="sm">Every reflection is in. The facilitator can conclude the inquiry.</Text>
      </Group>
    );
  }
  return (
    <Stack gap={4} aria-live="polite">
      <Group gap={8} wrap="nowrap">
        <IconHourglass size={16} color="var(--mantine-color-dimmed)" aria-hidden style={{ flexShrink: 0 }} />
        <Text size="sm" fw={600}>
          Still waiting for {missing.length} {missing.length === 1 ? 'reflection' : 'reflections'}
        </Text>
      </Group>
      <Stack component="ul" gap={2} m={0} pl={24} aria-label="Who the group is waiting for">
        {missing.map((m) => (
          <Text component="li" size="sm" key={m.userId}>
            <Text span fw={600} size="sm">
              {m.userId === myId ? 'You' : nameOf(m.userId)}
            </Text>
            <Text span c="dimmed" size="sm">
              {' '}
              — {m.needs.join('; ')}
            </Text>
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

function ReflectionCard({
  person,
  reflection: r,
  isMe,
  concluded,
  note,
}: {
  person: { id: string; name: string };
  reflection: Reflection | undefined;
  isMe: boolean;
  concluded: boolean;
  note?: string;
}) {
  const status = !r
    ? { label: concluded ? 'Did not reflect' : 'Not written yet', color: 'gray' }
    : r.complete
      ? { label: 'Complete', color: 'green' }
      : { label: 'Draft', color: 'orange' };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={`Reflection by ${person.name}${isMe ? ' (you)' : ''}: ${status.label.toLowerCase()}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <PersonAvatar person={person} size={26} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {person.name}
                {isMe ? ' (you)' : ''}
                {note && (
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    · {note}
                  </Text>
                )}
              </Text>
              {r && <RelativeTime iso={r.updatedAt} prefix="updated" />}
            </Stack>
          </Group>
          <Badge variant="light" color={status.color} radius="sm" tt="none" style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
        </Group>
        {r && (
          <Stack component="dl" gap={8} m={0}>
            {REFLECTION_FIELDS.map((f) => (
              <div key={f.id}>
                <Text component="dt" size="xs" fw={600} c="dimmed">
                  {f.label}
                </Text>
                <Text
                  component="dd"
                  size="sm"
                  m={0}
                  c={r[f.id].trim() ? undefined : 'dimmed'}
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {r[f.id].trim() || '—'}
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
