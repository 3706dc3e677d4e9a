import {
  Avatar,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconEye, IconEyeOff, IconLock, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InquiryDetail } from '../../../contract/inquiries.js';
import type { PresenceUser } from '../../../contract/live.js';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { MODE_TEXT } from '../../components/InquiryFields.js';
import { Markdown } from '../../components/Markdown.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';
import { FitCheckSummary } from '../FrameInquiry/FitCheckSummary.js';
import { ExportMenu } from './ExportMenu.js';
import { PhasePanel } from './PhasePanel.js';
import { Presence } from './Presence.js';

const MAX_FACES = 6;

export function BoardHeader({
  detail,
  canModerate,
  onEdit,
  present,
  myId,
}: {
  detail: InquiryDetail;
  canModerate: boolean;
  onEdit: () => void;
  present: PresenceUser[];
  myId: string | undefined;
}) {
  const { inquiry, participants } = detail;
  const [framingOpen, framing] = useDisclosure(false);
  const facilitator = participants.find((p) => p.user.id === inquiry.facilitatorId)?.user;
  const others = participants.filter((p) => p.user.id !== inquiry.facilitatorId);
  const hasContext = inquiry.context.trim() || inquiry.successCriteria.trim();
  const hasFraming = hasContext || inquiry.fitCheck;

  return (
    <Stack gap="md" component="section" aria-labelledby="inquiry-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={1} size="h2" id="inquiry-title" style={{ overflowWrap: 'anywhere' }}>
            {inquiry.title}
          </Title>
          <Text size="lg" style={{ overflowWrap: 'anywhere' }} maw={900}>
            {inquiry.question}
          </Text>
        </Stack>
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          <ExportMenu inquiryId={inquiry.id} />
          {canModerate && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={onEdit}
              visibleFrom="sm"
            >
              Edit framing
            </Button>
          )}
        </Group>
      </Group>

      <Group gap="md" wrap="wrap" style={{ rowGap: 8 }}>
        {facilitator && (
          <Group gap={6} wrap="nowrap">
            <PersonAvatar person={facilitator} size={24} />
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                Facilitated by
              </Text>{' '}
              {facilitator.name}
            </Text>
          </Group>
        )}
        {others.length > 0 && (
          <Group
            gap={8}
            wrap="nowrap"
            aria-label={`Participants: ${others.map((p) => p.user.name).join(', ')}`}
            role="group"
          >
            <Avatar.Group spacing={6}>
              {others.slice(0, MAX_FACES).map((p) => (
                <Tooltip key={p.user.id} label={p.user.name}>
                  <PersonAvatar person={p.user} size={24} />
                </Tooltip>
              ))}
              {others.length > MAX_FACES && (
                <Avatar size={24} radius="xl" aria-hidden>
                  +{others.length - MAX_FACES}
                </Avatar>
              )}
            </Avatar.Group>
            <Text size="sm" c="dimmed">
              {others.length} {others.length === 1 ? 'participant' : 'participants'}
            </Text>
          </Group>
        )}
        <Presence present={present} myId={myId} />
        <Tooltip label={MODE_TEXT[inquiry.mode].line} multiline w={280}>
          <Badge variant="outline" color="gray" radius="sm" tt="none" tabIndex={0}>
            {MODE_TEXT[inquiry.mode].label}
          </Badge>
        </Tooltip>
        {inquiry.allowAnonymous && (
          <Badge
            variant="outline"
            color="gray"
            radius="sm"
            tt="none"
            leftSection={<IconEyeOff size={12} aria-hidden />}
          >
            Anonymous notes allowed
          </Badge>
        )}
        {inquiry.privateMode && (
          <Tooltip
            label="Notes stay private to their authors and the facilitator until revealed."
            multiline
            w={260}
          >
            <Badge
              variant="outline"
              color="gray"
              radius="sm"
              tt="none"
              tabIndex={0}
              leftSection={<IconLock size={12} aria-hidden />}
            >
              {/* In a think-first phase the notes are revealed when the group moves on. */}
              Think first
              {(inquiry.privatePhases as readonly string[]).includes(inquiry.phase)
                ? ' · this phase'
                : inquiry.revealedAt
                  ? ' · revealed'
                  : ''}
            </Badge>
          </Tooltip>
        )}
        {inquiry.leaderSpeaksLast && (
          <Tooltip
            label="The facilitator's notes stay hidden until every member has posted."
            multiline
            w={260}
          >
            <Badge variant="outline" color="gray" radius="sm" tt="none" tabIndex={0}>
              Leader speaks last
            </Badge>
          </Tooltip>
        )}
        {inquiry.privateMode && canModerate && <RevealButton inquiryId={inquiry.id} />}
        {hasFraming && (
          <UnstyledButton
            onClick={framing.toggle}
            aria-expanded={framingOpen}
            aria-controls="framing-details"
          >
            <Group gap={4}>
              <Text size="sm" c="var(--mantine-color-anchor)" fw={500}>
                {framingOpen
                  ? 'Hide framing'
                  : hasContext
                    ? `Context and success criteria${inquiry.fitCheck ? ', fit check' : ''}`
                    : 'Fit check'}
              </Text>
              <IconChevronDown
                size={14}
                aria-hidden
                style={{
                  transform: framingOpen ? 'rotate(180deg)' : undefined,
                  transition: 'transform 150ms',
                }}
              />
            </Group>
          </UnstyledButton>
        )}
        {canModerate && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={14} />}
            onClick={onEdit}
            hiddenFrom="sm"
          >
            Edit framing
          </Button>
        )}
      </Group>

      <Collapse expanded={framingOpen} id="framing-details">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" mb={inquiry.fitCheck && hasContext ? 'lg' : 0}>
          {inquiry.context.trim() && (
            <div>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
                Context
              </Text>
              <Markdown source={inquiry.context} />
            </div>
          )}
          {inquiry.successCriteria.trim() && (
            <div>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
                What success looks like
              </Text>
              <Markdown source={inquiry.successCriteria} />
            </div>
          )}
        </SimpleGrid>
        {inquiry.fitCheck && (
          <Box maw={720}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
              When to deploy
            </Text>
            <FitCheckSummary fit={inquiry.fitCheck} />
          </Box>
        )}
      </Collapse>

      <PhasePanel detail={detail} canModerate={canModerate} />
    </Stack>
  );
}

/** Private mode: show everyone every note written so far. */
function RevealButton({ inquiryId }: { inquiryId: string }) {
  const qc = useQueryClient();
  const reveal = useMutation({
    mutationFn: () => api.reveal(inquiryId),
    onSuccess: () => {
      notifySuccess('Everyone now sees every note written so far.', 'Notes revealed');
      return qc.invalidateQueries({ queryKey: keys.inquiry(inquiryId) });
    },
    onError: (e) => notifyError(e, 'Could not reveal the notes'),
  });
  return (
    <Button
      size="compact-sm"
      variant="light"
      leftSection={<IconEye size={14} />}
      loading={reveal.isPending}
      onClick={() => reveal.mutate()}
    >
      Reveal notes
    </Button>
  );
}
