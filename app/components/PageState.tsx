import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage, isApiError } from '../api/client.js';

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center mih="50vh" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = isApiError(error) && (error.status === 404 || error.status === 403);
  return (
    <Center mih="50vh">
      <Stack align="center" gap="sm" maw={420} ta="center" role="alert">
        <IconAlertCircle size={36} stroke={1.5} color="var(--mantine-color-dimmed)" aria-hidden />
        <Title order={2} size="h3">
          {notFound ? 'Nothing here' : 'This page could not load'}
        </Title>
        <Text c="dimmed" size="sm">
          {notFound ? 'It does not exist, or it belongs to a workspace you are not in.' : errorMessage(error)}
        </Text>
        <Stack gap="xs" align="center">
          {onRetry && !notFound && <Button onClick={onRetry}>Try again</Button>}
          <Button component={Link} to="/" variant="subtle">
            Go to your workspace
          </Button>
        </Stack>
      </Stack>
    </Center>
  );
}
