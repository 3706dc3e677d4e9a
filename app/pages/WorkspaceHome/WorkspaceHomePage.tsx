import { Button, Divider, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLibrary, IconLifebuoy, IconPlus, IconSettings, IconUserPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useWorkspacePulses } from '../../api/pulses.js';
import { useInquiries, useInvitations, useMe, useMyRole, useWorkspace } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { PageError } from '../../components/PageState.js';
import { PulseCallouts } from '../CheckIn/PulseCallout.js';
import { LAST_WORKSPACE_KEY } from '../Home/HomePage.js';
import { EmptyWorkspace } from './EmptyWorkspace.js';
import { HomeLibrary } from './HomeLibrary.js';
import { InquiryCard } from './InquiryCard.js';
import { InvitationsPanel } from './InvitationsPanel.js';
import { InviteDialog } from './InviteDialog.js';
import { MembersPanel } from './MembersPanel.js';
import classes from './WorkspaceHome.module.css';

export function WorkspaceHomePage() {
  const { workspaceId = '' } = useParams();
  const me = useMe();
  const role = useMyRole(workspaceId);
  const workspace = useWorkspace(workspaceId);
  const inquiries = useInquiries(workspaceId);
  const canManage = role === 'owner' || role === 'facilitator';
  const invitations = useInvitations(workspaceId, canManage);
  const [inviteOpen, invite] = useDisclosure(false);
  const pulses = useWorkspacePulses(workspaceId);

  useEffect(() => {
    if (workspace.isSuccess) localStorage.setItem(LAST_WORKSPACE_KEY, workspaceId);
  }, [workspace.isSuccess, workspaceId]);

  useEffect(() => {
    if (workspace.data) document.title = `${workspace.data.workspace.name} · Colearn`;
  }, [workspace.data]);

  if (workspace.isError) {
    return (
      <AppLayout workspaceId={workspaceId}>
        <PageError error={workspace.error} onRetry={() => workspace.refetch()} />
      </AppLayout>
    );
  }

  const all = inquiries.data ?? [];
  const active = all.filter((i) => i.phase !== 'concluded');

  return (
    <AppLayout workspaceId={workspaceId}>
      <div className={classes.layout}>
        <Stack gap="xl" style={{ minWidth: 0 }}>
          <Group justify="space-between" align="flex-end" gap="sm">
            <Stack gap={2} style={{ minWidth: 0 }}>
              {workspace.data ? (
                <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
                  {workspace.data.workspace.name}
                </Title>
              ) : (
                <Skeleton h={32} w={220} />
              )}
              <Text c="dimmed" size="sm">
                What the team is working through together.
              </Text>
            </Stack>
            {canManage && all.length > 0 && (
              <Button component={Link} to={`/w/${workspaceId}/new`} leftSection={<IconPlus size={16} />}>
                Frame an inquiry
              </Button>
            )}
          </Group>

          <PulseCallouts
            // Whoever runs a pulse does not answer it: the inquiry's facilitator, the opener of a team pulse.
            pulses={pulses.data?.items.filter((p) =>
              p.inquiryId
                ? (inquiries.data ?? []).some(
                    (i) => i.id === p.inquiryId && i.facilitatorId !== me.data?.user.id,
                  )
                : !!me.data && p.openedBy !== me.data.user.id,
            )}
            aboutOf={(p) =>
              p.inquiryId
                ? (inquiries.data?.find((i) => i.id === p.inquiryId)?.title ?? 'an inquiry')
                : 'the whole team'
            }
          />

          {inquiries.isPending ? (
            <Stack gap="md">
              <Skeleton h={140} radius="md" />
              <Skeleton h={140} radius="md" />
            </Stack>
          ) : inquiries.isError ? (
            <PageError error={inquiries.error} onRetry={() => inquiries.refetch()} />
          ) : all.length === 0 ? (
            <EmptyWorkspace workspaceId={workspaceId} canFrame={canManage} />
          ) : (
            <>
              <Stack gap="md" component="section" aria-labelledby="active-heading">
                <Title order={2} size="h4" id="active-heading">
                  Active inquiries
                </Title>
                {active.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    No inquiry is running right now.
                  </Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                    {active.map((i) => (
                      <InquiryCard key={i.id} inquiry={i} />
                    ))}
                  </SimpleGrid>
                )}
              </Stack>
              <HomeLibrary workspaceId={workspaceId} />
            </>
          )}
        </Stack>

        <Stack gap="lg" style={{ minWidth: 0 }}>
          {canManage && (
            <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={invite.open} fullWidth>
              Invite
            </Button>
          )}
          <Button
            component={Link}
            to={`/w/${workspaceId}/library`}
            variant="default"
            leftSection={<IconLibrary size={16} aria-hidden />}
            fullWidth
          >
            Library
          </Button>
          {canManage && (
            <Button
              component={Link}
              to={`/w/${workspaceId}/resilience`}
              variant="default"
              leftSection={<IconLifebuoy size={16} />}
              fullWidth
            >
              Knowledge resilience
            </Button>
          )}
          {canManage && (
            <Button
              component={Link}
              to={`/w/${workspaceId}/settings`}
              variant="default"
              leftSection={<IconSettings size={16} aria-hidden />}
              fullWidth
            >
              Workspace settings
            </Button>
          )}
          {workspace.data && me.data ? (
            <MembersPanel
              workspaceId={workspaceId}
              members={workspace.data.members}
              myId={me.data.user.id}
              isOwner={role === 'owner'}
            />
          ) : (
            <Skeleton h={120} />
          )}
          {canManage && invitations.data && (
            <>
              {invitations.data.items.length > 0 && <Divider />}
              <InvitationsPanel workspaceId={workspaceId} invitations={invitations.data.items} />
            </>
          )}
        </Stack>
      </div>
      {canManage && (
        <InviteDialog
          workspaceId={workspaceId}
          opened={inviteOpen}
          onClose={invite.close}
          canInviteOwner={role === 'owner'}
        />
      )}
    </AppLayout>
  );
}
