import { Box, Card, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LogoMark } from './Logo.js';

/** One centred card and nothing else: sign in, sign up, invitations. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Center component="main" mih="100vh" p="md" style={{ background: 'var(--mantine-color-default-hover)' }}>
      <Box w="100%" maw={420}>
        <Card p="xl" shadow="sm" radius="md">
          <Stack gap="lg">
            <Stack gap={8} align="center" ta="center">
              <LogoMark size={36} />
              <Title order={1} size="h3">
                {title}
              </Title>
              {subtitle && (
                <Text size="sm" c="dimmed">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Stack>
        </Card>
      </Box>
    </Center>
  );
}
