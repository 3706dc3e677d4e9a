import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/endpoints.js';
import { keys, useMe } from '../../api/queries.js';
import { AppLayout } from '../../components/AppLayout.js';
import { DemoButton } from '../../components/DemoButton.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';
import { ImportArchiveCard } from './ImportArchiveCard.js';

const FIELDS = ['name'] as const;

export function CreateWorkspacePage({ first = false }: { first?: boolean }) {
  const me = useMe();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);
  const qc = useQueryClient();
  const navigate = useNavigate();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setBusy(true);
    try {
      const { workspace } = await api.createWorkspace(name);
      await qc.invalidateQueries({ queryKey: keys.me });
      notifySuccess(`${workspace.name} is ready. Invite your team next.`, 'Workspace created');
      navigate(`/w/${workspace.id}`);
    } catch (err) {
      fromError(err);
      setBusy(false);
    }
  };

  const firstName = me.data?.user.name.split(' ')[0];
  return (
    <AppLayout>
      <Stack maw={480} mx="auto" mt="xl" gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {first ? `Welcome${firstName ? `, ${firstName}` : ''}` : 'Create a workspace'}
          </Title>
          <Text c="dimmed">
            {first
              ? 'Start with a workspace for your business or team. You will invite people into it and frame the questions you want to work through together.'
              : 'A workspace is one business or team. Everything in it is visible only to its members.'}
          </Text>
        </Stack>
        <Card p="lg">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Title order={2} size="h4">
                Create your workspace
              </Title>
              {formError && (
                <Alert color="red" variant="light" role="alert">
                  {formError}
                </Alert>
              )}
              <TextInput
                label="Workspace name"
                description="Usually the name of your business or team."
                placeholder="Northwind Trading"
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  clear('name');
                }}
                error={errors.name}
                autoFocus
              />
              <Button type="submit" loading={busy}>
                Create workspace
              </Button>
            </Stack>
          </form>
        </Card>
        <ImportArchiveCard />
        {first && (
          <Stack gap={6} align="center">
            <Text size="sm" c="dimmed">
              Want to look around first?
            </Text>
            <DemoButton />
          </Stack>
        )}
        {first && (
          <Text size="sm" c="dimmed" ta="center">
            Were you invited by someone? Open the invitation link they sent you to join their workspace
            instead.
          </Text>
        )}
      </Stack>
    </AppLayout>
  );
}
