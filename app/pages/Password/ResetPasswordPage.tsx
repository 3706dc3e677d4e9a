import { Alert, Anchor, Button, Loader, PasswordInput, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { passwordApi, useResetLink } from '../../api/password.js';
import { keys } from '../../api/queries.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FormAlert } from '../../components/FormAlert.js';
import { useFormErrors } from '../../lib/forms.js';

const FIELDS = ['password'] as const;

/** The page a reset link opens: choose a new password, then straight in (signed out everywhere else). */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const link = useResetLink(token);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { formError, fromError, reset, field } = useFormErrors(FIELDS);
  const navigate = useNavigate();
  const qc = useQueryClient();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setBusy(true);
    try {
      await passwordApi.reset(token, password);
      await qc.resetQueries({ queryKey: keys.me });
      navigate('/', { replace: true });
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  const usable = link.data?.valid === true;
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="At least 10 characters. You stay signed in here only."
    >
      {link.isPending ? (
        <Loader size="sm" aria-label="Checking the link" />
      ) : !usable ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" role="alert" title="This link no longer works">
            It has expired, was already used, or a newer one was sent. Ask for a new link.
          </Alert>
          <Anchor component={Link} to="/forgot-password" underline="always" size="sm">
            Send me a new link
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert message={formError} />
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              {...field('password', password, setPassword)}
              autoFocus
            />
            <Button type="submit" loading={busy} fullWidth>
              Set password and sign in
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
