import { type ChangeEvent, useCallback, useState } from 'react';
import { errorMessage, isApiError } from '../api/client.js';

/**
 * Field errors from the API (`fields[].path` like `body.email`) shown next to their fields; anything that
 * is not about a known field becomes the form's own error.
 */
export function useFormErrors(known: readonly string[]) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const fromError = useCallback(
    (e: unknown) => {
      const map = isApiError(e) ? e.fieldMap() : {};
      const next: Record<string, string> = {};
      const rest: string[] = [];
      for (const [key, message] of Object.entries(map)) {
        const field = known.find((k) => key === k || key.startsWith(`${k}.`));
        if (field) next[field] ??= message;
        else rest.push(message);
      }
      setErrors(next);
      if (Object.keys(next).length === 0) setFormError(rest[0] ?? errorMessage(e));
      else setFormError(rest[0] ?? null);
    },
    [known],
  );

  const clear = useCallback((field: string) => {
    setErrors((prev) => {
      if (!(field in prev)) return prev;
      const { [field]: _, ...rest } = prev;
      return rest;
    });
    setFormError(null);
  }, []);

  const reset = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  /** The props of a text field bound to `value`: typing sets it and clears the field's error. */
  const field = useCallback(
    (name: string, value: string, set: (value: string) => void) => ({
      value,
      error: errors[name],
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        set(e.currentTarget.value);
        clear(name);
      },
    }),
    [errors, clear],
  );

  return { errors, formError, fromError, clear, reset, field };
}

/** A `next` parameter we may send someone to: a path on this site, never another origin. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
