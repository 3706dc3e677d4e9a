import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Radio,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { ApiToken, CreatedApiToken } from '../../../contract/tokens.js';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/tokens.js';
import { AppLayout } from '../../components/AppLayout.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { PageError } from '../../components/PageState.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';

// Personal API tokens: for a person's scripts and other tools. A token is shown once, right after it is
// made; after that only its name and first characters are.

const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'One year' },
  { value: 'never', label: 'Never (revoke it by hand)' },
];
const FIELDS = ['body.name', 'body.scopes', 'body.expiresInDays'] as const;

function NewTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<'read' | 'write'>('read');
  const [expiry, setExpiry] = useState('90');
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name,
        scopes: access === 'write' ? ['read', 'write'] : ['read'],
        expiresInDays: expiry === 'never' ? null : Number(expiry),
      },
      {
        onSuccess: (created) => {
          reset();
          setName('');
          onCreated(created);
        },
        onError: fromError,
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} aria-labelledby="new-token">
      <Stack gap="md">
        <Title order={2} size="h4" id="new-token">
          Make a token
        </Title>
        <TextInput
          label="Name"
          description="What it is for, so you recognise it later: “Nightly report”, “Jira import”."
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clear('body.name');
          }}
          error={errors['body.name']}
          maxLength={80}
          required
        />
        <Radio.Group
          label="What it may do"
          value={access}
          onChange={(v) => setAccess(v === 'write' ? 'write' : 'read')}
          error={errors['body.scopes']}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="read" label="Read only — look at what you can see, change nothing" />
            <Radio value="write" label="Read and write — also post, link and change what you may" />
          </Stack>
        </Radio.Group>
        <Select
          label="Expires after"
          data={EXPIRY}
          value={expiry}
          onChange={(v) => setExpiry(v ?? '90')}
          allowDeselect={false}
          error={errors['body.expiresInDays']}
          maw={280}
        />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} />}>
            Make token
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function NewSecret({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <Alert color="green" title={`Your new token “${created.token.name}”`} role="status">
      <Stack gap="sm">
        <Text size="sm">Copy it now: it is shown only this once. Send it as the header below.</Text>
        <Group gap="xs" wrap="nowrap">
          <Code
            block
            style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
            aria-label="New token"
          >
            {created.secret}
          </Code>
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                onClick={copy}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Code>Authorization: Bearer {created.token.prefix}…</Code>
        <Group>
          <Button variant="subtle" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{token.name}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {token.prefix}…
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={token.scopes.includes('write') ? 'orange' : 'blue'} tt="none">
          {token.scopes.includes('write') ? 'Read and write' : 'Read only'}
        </Badge>
      </Table.Td>
      <Table.Td>
        <RelativeTime iso={token.createdAt} />
      </Table.Td>
      <Table.Td>
        {token.lastUsedAt ? (
          <RelativeTime iso={token.lastUsedAt} />
        ) : (
          <Text size="xs" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {token.expiresAt ? (
          <RelativeTime iso={token.expiresAt} />
        ) : (
          <Text size="xs" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          leftSection={<IconTrash size={14} />}
          onClick={onRevoke}
          aria-label={`Revoke ${token.name}`}
        >
          Revoke
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function ApiTokensPage() {
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <AppLayout>
      <Stack gap="lg" maw={880}>
        <div>
          <Title order={1} size="h2">
            API tokens
          </Title>
          <Text c="dimmed" maw={640}>
            A token lets a script or another tool use Colearn as you, through the API described at{' '}
            <a href="/api/openapi.json">/api/openapi.json</a>. It sees exactly what you see. Revoke a token as
            soon as you no longer need it.
          </Text>
        </div>
        {created && <NewSecret created={created} onDone={() => setCreated(null)} />}
        <NewTokenForm onCreated={setCreated} />
        <section aria-labelledby="your-tokens">
          <Title order={2} size="h4" id="your-tokens" mb="sm">
            Your tokens
          </Title>
          {tokens.error ? (
            <PageError error={tokens.error} onRetry={() => tokens.refetch()} />
          ) : !tokens.data ? (
            <Skeleton h={120} />
          ) : tokens.data.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              No tokens yet.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Access</Table.Th>
                    <Table.Th>Made</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>
                      <span className="sr-only">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.items.map((t) => (
                    <TokenRow key={t.id} token={t} onRevoke={() => setRevoking(t)} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      </Stack>
      <ConfirmDialog
        opened={revoking !== null}
        title="Revoke this token?"
        message={`“${revoking?.name ?? ''}” stops working at once; anything using it will be refused.`}
        confirmLabel="Revoke"
        danger
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifySuccess(`Revoked “${revoking.name}”`);
              setRevoking(null);
            },
            onError: (e) => notifyError(e, 'Could not revoke the token'),
          });
        }}
      />
    </AppLayout>
  );
}
