import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.js';
import { keys } from '../../api/queries.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FormAlert } from '../../components/FormAlert.js';
import { SsoButton } from '../../components/SsoButton.js';
import { safeNext, useFormErrors } from '../../lib/forms.js';

const FIELDS = ['name', 'email', 'password'] as const;

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
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
      await api.signup({ name, email, password });
      await qc.resetQueries({ queryKey: keys.me });
      // An invitation brought them here: go back and accept it. Otherwise: create a workspace.
      navigate(next?.startsWith('/invite/') ? next : '/', { replace: true });
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  const signinHref = `/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <AuthLayout title="Create your account" subtitle="Learn together on the problems nobody can solve alone.">
      <SsoButton next={next} passwordLabel="or make one with a password" />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          <TextInput
            label="Your name"
            description="How your teammates will see you."
            autoComplete="name"
            {...field('name', name, setName)}
            autoFocus
          />
          <TextInput label="E-mail" type="email" autoComplete="email" {...field('email', email, setEmail)} />
          <PasswordInput
            label="Password"
            description="At least 10 characters."
            autoComplete="new-password"
            {...field('password', password, setPassword)}
          />
          <Button type="submit" loading={busy} fullWidth>
            Create account
          </Button>
          <Text size="sm" ta="center" c="dimmed">
            Already have an account?{' '}
            <Anchor component={Link} underline="always" to={signinHref}>
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
