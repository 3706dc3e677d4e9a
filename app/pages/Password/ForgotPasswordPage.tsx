import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { passwordApi } from '../../api/password.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FormAlert } from '../../components/FormAlert.js';
import { useFormErrors } from '../../lib/forms.js';

const FIELDS = ['email'] as const;

/** "Forgot your password?": the same answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const { formError, fromError, reset, field } = useFormErrors(FIELDS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setBusy(true);
    try {
      await passwordApi.requestReset(email);
      setSent(true);
    } catch (err) {
      fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout
      title="Set a new password"
      subtitle="We send a link to your e-mail address; it works for an hour."
    >
      {sent ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" role="status" title="Check your e-mail">
            If an account uses {email}, a link to set a new password is on its way. It works once, within the
            hour.
          </Alert>
          <Anchor component={Link} to="/signin" underline="always" size="sm">
            Back to sign in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert message={formError} />
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="email"
              {...field('email', email, setEmail)}
              autoFocus
            />
            <Button type="submit" loading={busy} fullWidth>
              Send me a link
            </Button>
            <Text size="sm" ta="center" c="dimmed">
              Remembered it?{' '}
              <Anchor component={Link} underline="always" to="/signin">
                Sign in
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
