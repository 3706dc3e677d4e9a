import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import {
  DEFAULT_PULSE_THRESHOLD,
  MAX_PULSE_THRESHOLD,
  MIN_PULSE_THRESHOLD,
} from '../../../domain/insights/pulse.js';
import { useUpdateWorkspaceSettings, useWorkspaceSettings } from '../../api/settings.js';
import { PageError } from '../../components/PageState.js';
import { useFormErrors } from '../../lib/forms.js';
import { notifySuccess } from '../../lib/notify.js';

const FIELDS = ['pulseThreshold'] as const;

/** k: how many people must answer a pulse before anyone sees its results. */
export function PulseThresholdForm({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const settings = useWorkspaceSettings(workspaceId);
  const save = useUpdateWorkspaceSettings(workspaceId);
  const { errors, formError, fromError, clear, reset } = useFormErrors(FIELDS);
  const [value, setValue] = useState<number | string | null>(null);
  const saved = settings.data?.settings.pulseThreshold;

  useEffect(() => {
    if (saved !== undefined && value === null) setValue(saved);
  }, [saved, value]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset();
    save.mutate(
      { pulseThreshold: value === '' || value === null ? Number.NaN : Number(value) },
      {
        onSuccess: ({ settings: s }) => {
          setValue(s.pulseThreshold);
          notifySuccess(`Pulse results now need at least ${s.pulseThreshold} answers.`, 'Saved');
        },
        onError: fromError,
      },
    );
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="pulse-k-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="pulse-k-heading">
            Pulse privacy
          </Title>
          <Text size="sm" c="dimmed">
            A pulse’s results are shown only as an average, and only once at least this many people have
            answered; comments need as many writers. The higher, the harder it is to guess who said what. The
            default is {DEFAULT_PULSE_THRESHOLD}; it can never be below {MIN_PULSE_THRESHOLD}.
            {canEdit ? '' : ' Owners of the workspace change it.'}
          </Text>
        </Stack>
        {settings.isError ? (
          <PageError error={settings.error} onRetry={() => settings.refetch()} />
        ) : value === null ? (
          <Skeleton h={56} />
        ) : (
          <form onSubmit={submit} noValidate aria-labelledby="pulse-k-heading">
            <Stack gap="sm">
              <Group align="flex-end" gap="sm">
                <NumberInput
                  label="Answers needed before results show"
                  value={value}
                  onChange={(v) => {
                    setValue(v);
                    clear('pulseThreshold');
                  }}
                  min={MIN_PULSE_THRESHOLD}
                  max={MAX_PULSE_THRESHOLD}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  error={errors.pulseThreshold}
                  disabled={!canEdit}
                  rightSection={
                    <Text size="xs" c="dimmed" pr="xs">
                      people
                    </Text>
                  }
                  rightSectionWidth={64}
                  rightSectionPointerEvents="none"
                  hideControls
                  w={260}
                />
                {canEdit && (
                  <Button
                    type="submit"
                    loading={save.isPending}
                    disabled={Number(value) === saved && value !== ''}
                  >
                    Save
                  </Button>
                )}
              </Group>
              {formError && (
                <Alert color="red" variant="light" role="alert">
                  {formError}
                </Alert>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
