import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isSsoError, SSO_ERRORS } from '../../../domain/sso.js';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FormAlert } from '../../components/FormAlert.js';
import { SsoButton } from '../../components/SsoButton.js';
import { safeNext, useFormErrors } from '../../lib/forms.js';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { formError, fromError, reset, field } = useFormErrors(FIELDS);
  const navigate = useNavigate();
  const qc = useQueryClient();
  // Single sign-on comes back here with a code when it could not sign the person in.
  const ssoCode = params.get('sso_error');
  const ssoError = isSsoError(ssoCode) ? SSO_ERRORS[ssoCode] : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setBusy(true);
    try {
      await api.login({ email, password });
      await qc.resetQueries({ queryKey: keys.me });
      navigate(next ?? '/', { replace: true });
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  const signupHref = `/signup${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <AuthLayout title="Sign in to Colearn" subtitle="Welcome back. Your team's questions are waiting.">
      {ssoError && (
        <Alert color="red" variant="light" role="alert" title="Single sign-on did not work">
          {ssoError}
        </Alert>
      )}
      <SsoButton next={next} passwordLabel="or with your password" />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="email"
            {...field('email', email, setEmail)}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            {...field('password', password, setPassword)}
          />
          <Anchor
            component={Link}
            to={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}
            size="sm"
            underline="always"
            style={{ alignSelf: 'flex-end' }}
          >
            Forgot your password?
          </Anchor>
          <Button type="submit" loading={busy} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            New to Colearn?{' '}
            <Anchor component={Link} underline="always" to={signupHref}>
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
