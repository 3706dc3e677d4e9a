import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useChangePassword } from '../../api/password.js';
import { AppLayout } from '../../components/AppLayout.js';
import { FormError } from '../../components/FormError.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';

const FIELDS = ['body.currentPassword', 'body.newPassword'] as const;

/** Change my password; everywhere else I am signed out. */
export function PasswordPage() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { formError, fromError, reset, field } = useFormErrors(FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset();
    change.mutate(
      { ...(current ? { currentPassword: current } : {}), newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          notifySuccess('Your password is changed. Other devices are signed out.', 'Password changed');
        },
        onError: fromError,
      },
    );
  };

  return (
    <AppLayout>
      <Stack gap="lg" maw={560}>
        <div>
          <Title order={1} size="h2">
            Password
          </Title>
          <Text c="dimmed">A new password signs you out on every other device.</Text>
        </div>
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} aria-label="Change password">
          <Stack gap="md">
            <PasswordInput
              label="Current password"
              description="Leave it empty if you sign in with single sign-on and have never set one."
              autoComplete="current-password"
              {...field('body.currentPassword', current, setCurrent)}
            />
            <PasswordInput
              label="New password"
              description="At least 10 characters."
              autoComplete="new-password"
              {...field('body.newPassword', next, setNext)}
            />
            <FormError message={formError} />
            <Group>
              <Button type="submit" loading={change.isPending} disabled={!next}>
                Change password
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </AppLayout>
  );
}
