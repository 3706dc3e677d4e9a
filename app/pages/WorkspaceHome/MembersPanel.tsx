import { ActionIcon, Badge, Group, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Member } from '../../../contract/workspaces.js';
import { ROLES, type Role } from '../../../domain/model.js';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { ROLE_LABELS } from '../../kinds.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function MembersPanel({
  workspaceId,
  members,
  myId,
  isOwner,
}: {
  workspaceId: string;
  members: Member[];
  myId: string;
  isOwner: boolean;
}) {
  const qc = useQueryClient();
  const [removing, setRemoving] = useState<Member | null>(null);

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.updateMember(workspaceId, userId, role),
    onSuccess: ({ member }) => {
      notifySuccess(`${member.user.name} is now ${ROLE_LABELS[member.role].toLowerCase()}.`);
      return qc.invalidateQueries({ queryKey: keys.workspace(workspaceId) });
    },
    onError: (e) => notifyError(e, 'Could not change the role'),
  });

  const remove = useMutation({
    mutationFn: (userId: string) => api.removeMember(workspaceId, userId),
    onSuccess: () => {
      notifySuccess(`${removing?.user.name ?? 'They'} no longer has access to this workspace.`);
      setRemoving(null);
      return qc.invalidateQueries({ queryKey: keys.workspace(workspaceId) });
    },
    onError: (e) => notifyError(e, 'Could not remove them'),
  });

  const sorted = [...members].sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.user.name.localeCompare(b.user.name),
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="members-heading">
      <Group justify="space-between">
        <Title order={2} size="h5" id="members-heading">
          Members
        </Title>
        <Text size="xs" c="dimmed">
          {members.length}
        </Text>
      </Group>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {sorted.map((m) => {
          const self = m.user.id === myId;
          return (
            <Group key={m.user.id} component="li" gap="sm" wrap="nowrap" py={6}>
              <PersonAvatar person={m.user} size={32} />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {m.user.name}
                  {self && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (you)
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {m.user.email}
                </Text>
              </Stack>
              {isOwner && !self ? (
                <Group gap={4} wrap="nowrap">
                  <Select
                    size="xs"
                    w={118}
                    data={ROLE_OPTIONS}
                    value={m.role}
                    allowDeselect={false}
                    aria-label={`Role of ${m.user.name}`}
                    onChange={(v) =>
                      v && v !== m.role && changeRole.mutate({ userId: m.user.id, role: v as Role })
                    }
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Tooltip label="Remove from workspace">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${m.user.name} from the workspace`}
                      onClick={() => setRemoving(m)}
                    >
                      <IconUserMinus size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ) : (
                <Badge variant="light" color={m.role === 'member' ? 'gray' : 'accent'} radius="sm" tt="none">
                  {ROLE_LABELS[m.role]}
                </Badge>
              )}
            </Group>
          );
        })}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove from workspace?"
        message={`${removing?.user.name ?? ''} will lose access to every inquiry in this workspace. Their notes stay.`}
        confirmLabel="Remove"
        danger
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.user.id)}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
