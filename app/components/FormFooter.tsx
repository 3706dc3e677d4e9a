import { Button, Group } from '@mantine/core';
import { FormError } from './FormError.js';

/** The end of a small inline form: the error that belongs to no field, then Cancel and the submit button. */
export function FormFooter({
  formError,
  onCancel,
  busy,
  submitLabel,
}: {
  formError?: string | null;
  onCancel: () => void;
  busy: boolean;
  submitLabel: string;
}) {
  return (
    <>
      <FormError message={formError} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="xs" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
