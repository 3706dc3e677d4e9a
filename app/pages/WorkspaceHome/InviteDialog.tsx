import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../domain/model.js';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { ROLE_LABELS } from '../../kinds.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';

const FIELDS = ['email', 'role'] as const;

const ROLE_HINTS: Record<Role, string> = {
  member: 'Contributes to the inquiries they take part in.',
  facilitator: 'Can also frame inquiries and invite people.',
  owner: 'Can also manage members and roles.',
};

export function InviteDialog({
  workspaceId,
  opened,
  onClose,
  canInviteOwner,
}: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
  canInviteOwner: boolean;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ email: string; url: string } | null>(null);
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);
  const qc = useQueryClient();

  const roles: Role[] = canInviteOwner ? ['member', 'facilitator', 'owner'] : ['member', 'facilitator'];

  const close = () => {
    onClose();
    setCreated(null);
    setEmail('');
    setRole('member');
    reset();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setBusy(true);
    try {
      const { invitation } = await api.invite(workspaceId, { email, role });
      setCreated({ email: invitation.email, url: invitation.url });
      notifySuccess(`Send the link to ${invitation.email}.`, 'Invitation created');
      await qc.invalidateQueries({ queryKey: keys.invitations(workspaceId) });
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite someone" size="md">
      {created ? (
        <Stack gap="md">
          <Text size="sm">
            Send this link to <b>{created.email}</b>. It works once and expires in a few days.
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              label="Invitation link"
              value={created.url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              style={{ flex: 1, minWidth: 0 }}
            />
            <CopyButton value={created.url}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  variant={copied ? 'light' : 'filled'}
                >
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => {
                setCreated(null);
                setEmail('');
              }}
            >
              Invite another
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError && (
              <Alert color="red" variant="light" role="alert">
                {formError}
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              placeholder="name@company.com"
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                clear('email');
              }}
              error={errors.email}
              data-autofocus
            />
            <Select
              label="Role"
              data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              value={role}
              onChange={(v) => {
                if (v) setRole(v as Role);
                clear('role');
              }}
              allowDeselect={false}
              description={ROLE_HINTS[role]}
              error={errors.role}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Create invitation link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
