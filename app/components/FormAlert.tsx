import { Alert } from '@mantine/core';

/** A form's own error as a banner above its fields (the sign-in style of FormError), announced when it appears. */
export function FormAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
