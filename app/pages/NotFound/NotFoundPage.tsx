import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { LogoMark } from '../../components/Logo.js';

export function NotFoundPage() {
  useEffect(() => {
    document.title = 'Not found · Colearn';
  }, []);
  return (
    <Center component="main" mih="100vh" p="md">
      <Stack align="center" gap="sm" ta="center" maw={420}>
        <LogoMark size={40} />
        <Title order={1} size="h2">
          This page does not exist
        </Title>
        <Text c="dimmed">The link may be mistyped, or what it pointed to was removed.</Text>
        <Button component={Link} to="/">
          Go to your workspace
        </Button>
      </Stack>
    </Center>
  );
}
