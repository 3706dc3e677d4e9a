import { Button, Checkbox, Group, Paper, Radio, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import type { NotificationPreferences } from '../../../contract/notifications.js';
import type { DigestFrequency } from '../../../domain/digest.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../domain/model.js';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../../api/preferences.js';
import { AppLayout } from '../../components/AppLayout.js';
import { FormError } from '../../components/FormError.js';
import { PageError } from '../../components/PageState.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';

// Fewer, better notifications: which kinds come into the inbox, and whether they also arrive as one
// e-mail an hour or a day.

const KIND_LABELS: Record<NotificationKind, string> = {
  mention: 'Someone mentions me',
  reply: 'Someone replies to, builds on or challenges my note',
  help_request: 'Someone in my inquiry is stuck and asks for help',
  help_answered: 'Someone answers my help request',
  phase_changed: 'An inquiry I am in moves to another phase',
  consent_needed: 'A conclusion waits for my consent',
  pulse_open: 'A psychological-safety pulse asks for my (anonymous) answer',
};
const DIGESTS: { value: DigestFrequency; label: string }[] = [
  { value: 'off', label: 'No e-mail' },
  { value: 'hourly', label: 'One e-mail an hour, when something new arrived' },
  { value: 'daily', label: 'One e-mail a day, when something new arrived' },
];
const FIELDS = ['body.emailDigest', 'body.muted'] as const;

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const save = useSaveNotificationPreferences();
  const [digest, setDigest] = useState<DigestFrequency>(initial.emailDigest);
  const [wanted, setWanted] = useState<string[]>(
    NOTIFICATION_KINDS.filter((k) => !initial.muted.includes(k)),
  );
  const { errors, formError, fromError, reset } = useFormErrors(FIELDS);
  useEffect(() => {
    setDigest(initial.emailDigest);
    setWanted(NOTIFICATION_KINDS.filter((k) => !initial.muted.includes(k)));
  }, [initial]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { emailDigest: digest, muted: NOTIFICATION_KINDS.filter((k) => !wanted.includes(k)) },
      {
        onSuccess: () => {
          reset();
          notifySuccess('Notification settings saved.');
        },
        onError: fromError,
      },
    );
  };

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="form"
      onSubmit={submit}
      aria-label="Notification settings"
    >
      <Stack gap="lg">
        <Checkbox.Group
          label="Tell me in the inbox when"
          description="What you leave unticked does not come into your inbox, nor into an e-mail."
          value={wanted}
          onChange={setWanted}
          error={errors['body.muted']}
        >
          <Stack gap="xs" mt="xs">
            {NOTIFICATION_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={KIND_LABELS[k]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Radio.Group
          label="E-mail digest"
          description="What you have not read yet, grouped by inquiry. Never one e-mail per event."
          value={digest}
          onChange={(v) => setDigest(DIGESTS.find((d) => d.value === v)?.value ?? 'off')}
          error={errors['body.emailDigest']}
        >
          <Stack gap="xs" mt="xs">
            {DIGESTS.map((d) => (
              <Radio key={d.value} value={d.value} label={d.label} />
            ))}
          </Stack>
        </Radio.Group>
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function NotificationSettingsPage() {
  const prefs = useNotificationPreferences();
  return (
    <AppLayout>
      <Stack gap="lg" maw={720}>
        <div>
          <Title order={1} size="h2">
            Notifications
          </Title>
          <Text c="dimmed">Choose what reaches you, and how.</Text>
        </div>
        {prefs.error ? (
          <PageError error={prefs.error} onRetry={() => prefs.refetch()} />
        ) : prefs.data ? (
          <PreferencesForm initial={prefs.data.preferences} />
        ) : (
          <Skeleton h={320} />
        )}
      </Stack>
    </AppLayout>
  );
}
