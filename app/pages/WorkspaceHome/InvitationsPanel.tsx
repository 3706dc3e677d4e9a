import { ActionIcon, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Invitation } from '../../../contract/workspaces.js';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { ROLE_LABELS } from '../../kinds.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';

export function InvitationsPanel({
  workspaceId,
  invitations,
}: {
  workspaceId: string;
  invitations: Invitation[];
}) {
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => api.revokeInvitation(workspaceId, inv.id),
    onSuccess: (_v, inv) => {
      notifySuccess(`The invitation for ${inv.email} no longer works.`, 'Invitation revoked');
      return qc.invalidateQueries({ queryKey: keys.invitations(workspaceId) });
    },
    onError: (e) => notifyError(e, 'Could not revoke the invitation'),
  });

  if (invitations.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="invitations-heading">
      <Title order={2} size="h5" id="invitations-heading">
        Pending invitations
      </Title>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {invitations.map((inv) => (
          <Group key={inv.id} component="li" gap="sm" wrap="nowrap" py={4}>
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" truncate>
                {inv.email}
              </Text>
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  {ROLE_LABELS[inv.role]} ·
                </Text>
                <RelativeTime iso={inv.expiresAt} prefix="expires" />
              </Group>
            </Stack>
            <Tooltip label="Revoke">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Revoke the invitation for ${inv.email}`}
                loading={revoke.isPending && revoke.variables?.id === inv.id}
                onClick={() => revoke.mutate(inv)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
