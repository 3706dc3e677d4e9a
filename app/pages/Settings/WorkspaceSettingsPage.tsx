import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useMe, useMyRole, useWorkspace } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { PageError, PageLoader } from '../../components/PageState.js';
import { ArchiveSection } from './ArchiveSection.js';
import { PromptLibrary } from './PromptLibrary.js';
import { PulseThresholdForm } from './PulseThresholdForm.js';
import { SignInDomains } from './SignInDomains.js';
import { ThresholdsForm } from './ThresholdsForm.js';

/**
 * The workspace's settings for the console: owners change everything; facilitators word the suggested
 * questions they ask. Members have nothing to set here.
 */
export function WorkspaceSettingsPage() {
  const { workspaceId = '' } = useParams();
  const me = useMe();
  const role = useMyRole(workspaceId);
  const workspace = useWorkspace(workspaceId);
  const isOwner = role === 'owner';
  const canPrompts = isOwner || role === 'facilitator';

  useEffect(() => {
    document.title = 'Workspace settings · Colearn';
  }, []);

  const crumbs = (
    <Anchor component={Link} to={`/w/${workspaceId}`} size="sm" c="dimmed" visibleFrom="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        All inquiries
      </Group>
    </Anchor>
  );

  if (workspace.isError) {
    return (
      <AppLayout workspaceId={workspaceId}>
        <PageError error={workspace.error} onRetry={() => workspace.refetch()} />
      </AppLayout>
    );
  }
  if (!me.data || !workspace.data) {
    return (
      <AppLayout workspaceId={workspaceId} crumbs={crumbs}>
        <PageLoader />
      </AppLayout>
    );
  }

  return (
    <AppLayout workspaceId={workspaceId} crumbs={crumbs}>
      <Stack gap="xl" maw={880}>
        <Stack gap={2}>
          <Title order={1} size="h2">
            Workspace settings
          </Title>
          <Text c="dimmed" size="sm">
            {workspace.data.workspace.name}: how the facilitator’s console reads your inquiries, the questions
            it suggests, and how pulses stay anonymous.
          </Text>
        </Stack>
        {!canPrompts ? (
          <Text>
            Owners and facilitators set these. Ask an owner of this workspace if something should change.
          </Text>
        ) : (
          <>
            <PromptLibrary workspaceId={workspaceId} canEdit={canPrompts} />
            {/* Facilitators see the thresholds their console uses; owners change them. */}
            <ThresholdsForm workspaceId={workspaceId} canEdit={isOwner} />
            <PulseThresholdForm workspaceId={workspaceId} canEdit={isOwner} />
            {isOwner && <SignInDomains workspaceId={workspaceId} />}
            {isOwner && <ArchiveSection workspaceId={workspaceId} />}
            {isOwner && (
              <Stack gap={4} component="section" aria-labelledby="connections">
                <Title order={2} size="h4" id="connections">
                  Connections
                </Title>
                <Text size="sm" c="dimmed">
                  Send events to the tools your business runs, as signed JSON or Slack messages.{' '}
                  <Anchor component={Link} to={`/w/${workspaceId}/webhooks`} underline="always">
                    Webhooks
                  </Anchor>
                </Text>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </AppLayout>
  );
}
