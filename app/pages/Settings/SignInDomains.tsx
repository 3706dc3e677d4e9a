import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { WorkspaceDomain } from '../../../contract/sso.js';
import type { DomainRole } from '../../../domain/sso.js';
import {
  useAddWorkspaceDomain,
  useAuthProviders,
  useRemoveWorkspaceDomain,
  useWorkspaceDomains,
} from '../../api/sso.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageError } from '../../components/PageState.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';

const FIELDS = ['domain', 'role'] as const;
const ROLE_OPTIONS: { value: DomainRole; label: string }[] = [
  { value: 'member', label: 'Member' },
  { value: 'facilitator', label: 'Facilitator' },
];
const roleLabel = (role: DomainRole) => ROLE_OPTIONS.find((o) => o.value === role)?.label ?? role;

/**
 * Sign-in domains (owners): people who sign in with single sign-on and a verified address in one of
 * these join the workspace with its role.
 */
export function SignInDomains({ workspaceId }: { workspaceId: string }) {
  const domains = useWorkspaceDomains(workspaceId);
  const providers = useAuthProviders();
  const add = useAddWorkspaceDomain(workspaceId);
  const remove = useRemoveWorkspaceDomain(workspaceId);
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);
  const [domain, setDomain] = useState('');
  const [role, setRole] = useState<DomainRole>('member');
  const [removing, setRemoving] = useState<WorkspaceDomain | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset();
    add.mutate(
      { domain, role },
      {
        onSuccess: ({ domain: made }) => {
          setDomain('');
          notifySuccess(
            `People from ${made.domain} now join as ${roleLabel(made.role).toLowerCase()}s.`,
            'Added',
          );
        },
        onError: fromError,
      },
    );
  };

  const ssoOff = providers.data?.oidc.enabled === false;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="domains-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="domains-heading">
            Sign-in domains
          </Title>
          <Text size="sm" c="dimmed">
            Whoever signs in with single sign-on and an address their provider has verified in one of these
            domains joins this workspace with the role you choose. Someone already in the workspace keeps
            their role, and nobody becomes an owner this way. Subdomains (eu.acme.com) are separate domains.
            Removing a domain removes nobody.
          </Text>
          {ssoOff && (
            <Text size="sm">
              Single sign-on is not set up on this Colearn yet, so these apply once it is (OIDC_* settings).
            </Text>
          )}
        </Stack>
        {domains.isError ? (
          <PageError error={domains.error} onRetry={() => domains.refetch()} />
        ) : !domains.data ? (
          <Skeleton h={56} />
        ) : domains.data.items.length === 0 ? (
          <Text size="sm">No sign-in domains yet.</Text>
        ) : (
          <Table aria-labelledby="domains-heading" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Domain</Table.Th>
                <Table.Th scope="col">Joins as</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">Remove</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {domains.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.domain}</Table.Td>
                  <Table.Td>{roleLabel(d.role)}</Table.Td>
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${d.domain}`}
                      onClick={() => setRemoving(d)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={submit} noValidate aria-label="Add a sign-in domain">
          <Stack gap="sm">
            {/* Top-aligned so an error under one field does not move the others; the button sits level with the inputs. */}
            <Group align="flex-start" gap="sm">
              <TextInput
                label="Domain"
                placeholder="acme.com"
                value={domain}
                onChange={(e) => {
                  setDomain(e.currentTarget.value);
                  clear('domain');
                }}
                error={errors.domain}
                w={240}
              />
              <Select
                label="Joins as"
                data={ROLE_OPTIONS}
                value={role}
                onChange={(v) => {
                  if (v) setRole(v as DomainRole);
                  clear('role');
                }}
                allowDeselect={false}
                error={errors.role}
                w={200}
              />
              <Button
                type="submit"
                loading={add.isPending}
                mt={{ base: 0, xs: 'calc(var(--mantine-font-size-sm) * 1.55)' }}
              >
                Add domain
              </Button>
            </Group>
            {formError && (
              <Alert color="red" variant="light" role="alert">
                {formError}
              </Alert>
            )}
          </Stack>
        </form>
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove this sign-in domain?"
        message={`People signing in from ${removing?.domain ?? ''} will no longer join this workspace. Those who already joined stay members.`}
        confirmLabel="Remove"
        danger
        loading={remove.isPending}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => notifySuccess(`${removing.domain} removed.`, 'Removed'),
            onSettled: () => setRemoving(null),
          });
        }}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}
