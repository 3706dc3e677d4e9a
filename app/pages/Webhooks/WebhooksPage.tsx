import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  Collapse,
  CopyButton,
  Group,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconCheck, IconCopy, IconSend, IconTrash, IconWebhook } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { WEBHOOK_EVENTS, type Webhook, type WebhookEvent } from '../../../contract/webhooks.js';
import { useMyRole, useWorkspace } from '../../api/queries.js';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useTestWebhook,
  useUpdateWebhook,
  useWebhooks,
} from '../../api/webhooks.js';
import { AppLayout } from '../../components/AppLayout.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { FormError } from '../../components/FormError.js';
import { PageError } from '../../components/PageState.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';

// A workspace's webhooks, for its owners: which events go where, signed with a secret, and a log of
// every delivery with its retries.

const EVENT_TEXT: Record<WebhookEvent, string> = {
  'inquiry.created': 'An inquiry is framed',
  'contribution.created': 'A note is posted (once everyone may see it; anonymous notes without author)',
  'inquiry.phase_changed': 'An inquiry moves to another phase',
  'conclusion.adopted': 'The group adopts a conclusion',
};
const FIELDS = ['body.url', 'body.events', 'body.format', 'body.description'] as const;
const STATUS_COLOR = { pending: 'yellow', delivered: 'green', failed: 'red' } as const;

function NewWebhookForm({ workspaceId }: { workspaceId: string }) {
  const create = useCreateWebhook(workspaceId);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['conclusion.adopted']);
  const [format, setFormat] = useState<'json' | 'slack'>('json');
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { url, events: events as WebhookEvent[], format },
      {
        onSuccess: () => {
          reset();
          setUrl('');
          notifySuccess('Webhook added. Send a test to check the receiver.');
        },
        onError: fromError,
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} aria-labelledby="new-webhook">
      <Stack gap="md">
        <Title order={2} size="h4" id="new-webhook">
          Add a webhook
        </Title>
        <TextInput
          label="Receiver URL"
          placeholder="https://hooks.example.com/colearn"
          value={url}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            clear('body.url');
          }}
          error={errors['body.url']}
          required
        />
        <Checkbox.Group
          label="Events"
          value={events}
          onChange={(v) => {
            setEvents(v);
            clear('body.events');
          }}
          error={errors['body.events']}
        >
          <Stack gap="xs" mt="xs">
            {WEBHOOK_EVENTS.map((event) => (
              <Checkbox key={event} value={event} label={EVENT_TEXT[event]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Radio.Group
          label="Format"
          value={format}
          onChange={(v) => setFormat(v === 'slack' ? 'slack' : 'json')}
        >
          <Group gap="lg" mt="xs">
            <Radio value="json" label="JSON event (for your own tools)" />
            <Radio value="slack" label="Slack message (an incoming-webhook URL)" />
          </Group>
        </Radio.Group>
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconWebhook size={16} />}>
            Add webhook
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const deliveries = useDeliveries(webhookId, true);
  if (deliveries.error) return <PageError error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  if (!deliveries.data) return <Skeleton h={80} />;
  if (deliveries.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing sent yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>Receiver said</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Code>{d.event}</Code>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[d.status]} variant="light" tt="none">
                  {d.status}
                </Badge>
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>
                {d.lastStatusCode ?? '—'}
                {d.lastError && (
                  <Text size="xs" c="dimmed">
                    {d.lastError}
                  </Text>
                )}
                {d.nextAttemptAt && <RelativeTime iso={d.nextAttemptAt} prefix="next try" />}
              </Table.Td>
              <Table.Td>
                <RelativeTime iso={d.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WebhookCard({ hook, onDelete }: { hook: Webhook; onDelete: () => void }) {
  const update = useUpdateWebhook(hook.workspaceId);
  const test = useTestWebhook();
  const [logOpen, log] = useDisclosure(false);
  const [secretOpen, secret] = useDisclosure(false);

  const sendTest = () =>
    test.mutate(hook.id, {
      onSuccess: ({ delivery }) => {
        if (delivery.status === 'delivered')
          notifySuccess(`The receiver answered ${delivery.lastStatusCode}.`, 'Test delivered');
        else
          notifyError(
            new Error(delivery.lastError ?? 'The receiver did not accept it.'),
            'Test not delivered',
          );
        log.open();
      },
      onError: (e) => notifyError(e, 'Could not send the test'),
    });

  return (
    <Paper withBorder p="md" radius="md" aria-label={`Webhook to ${hook.url}`} component="section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {hook.url}
            </Text>
            <Group gap={6}>
              <Badge variant="outline" tt="none">
                {hook.format === 'slack' ? 'Slack message' : 'JSON'}
              </Badge>
              {hook.events.map((e) => (
                <Badge key={e} variant="light" color="gray" tt="none">
                  {e}
                </Badge>
              ))}
            </Group>
          </Stack>
          <Switch
            label="Active"
            checked={hook.active}
            onChange={(e) =>
              update.mutate(
                { id: hook.id, body: { active: e.currentTarget.checked } },
                { onError: (err) => notifyError(err, 'Could not change the webhook') },
              )
            }
          />
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconSend size={14} />}
            onClick={sendTest}
            loading={test.isPending}
          >
            Send test
          </Button>
          <Button size="xs" variant="subtle" onClick={log.toggle} aria-expanded={logOpen}>
            {logOpen ? 'Hide deliveries' : 'Deliveries'}
          </Button>
          <Button size="xs" variant="subtle" onClick={secret.toggle} aria-expanded={secretOpen}>
            {secretOpen ? 'Hide signing secret' : 'Signing secret'}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={onDelete}
          >
            Remove
          </Button>
        </Group>
        <Collapse expanded={secretOpen}>
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ overflowWrap: 'anywhere' }}>{hook.secret}</Code>
              <CopyButton value={hook.secret}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={copy}
                    leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  >
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              Each delivery carries{' '}
              <Code>x-colearn-signature: v1=HMAC-SHA256(secret, timestamp + "." + body)</Code> and{' '}
              <Code>x-colearn-timestamp</Code>; check both before trusting it.
            </Text>
          </Stack>
        </Collapse>
        <Collapse expanded={logOpen}>{logOpen && <Deliveries webhookId={hook.id} />}</Collapse>
      </Stack>
    </Paper>
  );
}

export function WebhooksPage() {
  const { workspaceId = '' } = useParams();
  const role = useMyRole(workspaceId);
  const workspace = useWorkspace(workspaceId);
  const hooks = useWebhooks(workspaceId);
  const remove = useDeleteWebhook(workspaceId);
  const [removing, setRemoving] = useState<Webhook | null>(null);

  return (
    <AppLayout workspaceId={workspaceId}>
      <Stack gap="lg" maw={880}>
        <Anchor component={Link} to={`/w/${workspaceId}`} size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden /> {workspace.data?.workspace.name ?? 'Workspace'}
          </Group>
        </Anchor>
        <div>
          <Title order={1} size="h2">
            Webhooks
          </Title>
          <Text c="dimmed" maw={640}>
            Tell the tools your business already runs when something happens here: a chat channel when a
            conclusion is adopted, your tracker when an inquiry is framed. Failed deliveries are tried again
            for about seven hours.
          </Text>
        </div>
        {role && role !== 'owner' ? (
          <Text>Only the workspace's owners manage webhooks.</Text>
        ) : (
          <>
            <NewWebhookForm workspaceId={workspaceId} />
            {hooks.error ? (
              <PageError error={hooks.error} onRetry={() => hooks.refetch()} />
            ) : !hooks.data ? (
              <Skeleton h={120} />
            ) : hooks.data.items.length === 0 ? (
              <Text c="dimmed" size="sm">
                No webhooks yet.
              </Text>
            ) : (
              hooks.data.items.map((h) => <WebhookCard key={h.id} hook={h} onDelete={() => setRemoving(h)} />)
            )}
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove this webhook?"
        message={`Nothing more goes to ${removing?.url ?? ''}, and its delivery log is deleted.`}
        confirmLabel="Remove"
        danger
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => setRemoving(null),
            onError: (e) => notifyError(e, 'Could not remove the webhook'),
          });
        }}
      />
    </AppLayout>
  );
}
