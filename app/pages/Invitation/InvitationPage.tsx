import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconClockX, IconMailCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, isApiError } from '../../api/client.js';
import { api } from '../../api/endpoints.js';
import { keys, useMe } from '../../api/queries.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { PageLoader } from '../../components/PageState.js';
import { ROLE_LABELS } from '../../kinds.js';
import { notifySuccess } from '../../lib/notify.js';
import { absoluteTime } from '../../lib/time.js';

export function InvitationPage() {
  const { token = '' } = useParams();
  const here = `/invite/${token}`;
  const preview = useQuery({
    queryKey: keys.invitation(token),
    queryFn: ({ signal }) => api.invitationPreview(token, signal),
  });
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();

  const accept = useMutation({
    mutationFn: () => api.acceptInvitation(token),
    onSuccess: async ({ workspace }) => {
      await qc.invalidateQueries({ queryKey: keys.me });
      notifySuccess(`You joined ${workspace.name}.`, 'Welcome');
      navigate(`/w/${workspace.id}`, { replace: true });
    },
  });

  if (preview.isPending || me.isPending) return <PageLoader label="Opening your invitation…" />;

  if (preview.isError) {
    const gone = isApiError(preview.error) && preview.error.status === 404;
    return (
      <AuthLayout title={gone ? 'This link does not work' : 'Could not open the invitation'}>
        <Text size="sm" c="dimmed" ta="center">
          {gone
            ? 'The invitation link is wrong or was revoked. Ask the person who invited you for a new one.'
            : errorMessage(preview.error)}
        </Text>
        <Button component={Link} to="/" variant="light">
          Go to Colearn
        </Button>
      </AuthLayout>
    );
  }

  const inv = preview.data.invitation;
  const signedIn = me.isSuccess;
  const title = `${inv.invitedBy} invited you to join ${inv.workspaceName}`;

  if (inv.status !== 'pending') {
    const expired = inv.status === 'expired';
    return (
      <AuthLayout title={expired ? 'This invitation has expired' : 'This invitation was already used'}>
        <Stack gap="md" align="center" ta="center">
          <IconClockX size={32} stroke={1.5} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text size="sm" c="dimmed">
            {expired
              ? `The invitation to ${inv.workspaceName} expired on ${absoluteTime(inv.expiresAt)}. Ask ${inv.invitedBy} to send you a new one.`
              : `Someone already accepted this invitation to ${inv.workspaceName}. If that was you, sign in to continue.`}
          </Text>
          <Button component={Link} to={signedIn ? '/' : '/signin'} variant="light" fullWidth>
            {signedIn ? 'Go to your workspaces' : 'Sign in'}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={title} subtitle="Colearn is where your team works through hard questions together.">
      <Stack gap="md">
        <Group justify="center" gap="xs">
          <Text size="sm">You will join as</Text>
          <Badge variant="light" size="lg">
            {ROLE_LABELS[inv.role]}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" ta="center">
          Sent to {inv.email} · valid until {absoluteTime(inv.expiresAt)}
        </Text>
        {accept.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(accept.error)}
          </Alert>
        )}
        {signedIn ? (
          <>
            {me.data.user.email.toLowerCase() !== inv.email.toLowerCase() && (
              <Alert variant="light" color="yellow" icon={<IconMailCheck size={18} />}>
                You are signed in as {me.data.user.email}, but this invitation was sent to {inv.email}.
              </Alert>
            )}
            <Button fullWidth size="md" loading={accept.isPending} onClick={() => accept.mutate()}>
              Accept and join {inv.workspaceName}
            </Button>
          </>
        ) : (
          <Stack gap="xs">
            <Button
              component={Link}
              to={`/signup?next=${encodeURIComponent(here)}&email=${encodeURIComponent(inv.email)}`}
              fullWidth
              size="md"
            >
              Create an account to join
            </Button>
            <Button
              component={Link}
              to={`/signin?next=${encodeURIComponent(here)}&email=${encodeURIComponent(inv.email)}`}
              variant="default"
              fullWidth
            >
              I already have an account
            </Button>
          </Stack>
        )}
      </Stack>
    </AuthLayout>
  );
}
