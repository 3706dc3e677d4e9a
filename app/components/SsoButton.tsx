import { Button, Divider, Stack } from '@mantine/core';
import { ssoStartHref, useAuthProviders } from '../api/sso.js';

/**
 * "Continue with <provider>" above a password form, when this Colearn has single sign-on; nothing
 * otherwise. A plain link: the provider's sign-in page is on another site, so it is a full page load.
 */
export function SsoButton({ next, passwordLabel }: { next: string | null; passwordLabel: string }) {
  const oidc = useAuthProviders().data?.oidc;
  if (!oidc?.enabled) return null;
  return (
    <Stack gap="md">
      <Button component="a" href={ssoStartHref(next)} variant="default" fullWidth>
        Continue with {oidc.name}
      </Button>
      <Divider label={passwordLabel} labelPosition="center" />
    </Stack>
  );
}
