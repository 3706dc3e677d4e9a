import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID Connect provider (oidc-provider) for tests and the end-to-end server: its own HTTP server
// on an ephemeral port, one confidential client, and people whose e-mail is verified or not. Sign-in and
// consent use oidc-provider's own development pages (any password is accepted for a known login).

export interface IdpPerson {
  email?: string;
  /** Left out: the provider does not send `email_verified` at all. */
  emailVerified?: boolean;
  name?: string;
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by login (which is also their `sub`); add more at any time. */
  people: Map<string, IdpPerson>;
  /** Registers the relying party's callback; call once its URL is known. */
  allowRedirect(uri: string): void;
  close(): Promise<void>;
}

export async function startIdentityProvider(
  options: {
    host?: string;
    port?: number;
    people?: Record<string, IdpPerson>;
    /** Any login that is an address signs in as that address, verified (end-to-end tests make their own). */
    anyAddress?: boolean;
  } = {},
): Promise<IdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const people = new Map(Object.entries(options.people ?? {}));
  const clientId = 'colearn';
  const clientSecret = 'colearn-test-secret-that-is-long-enough';
  let provider: Provider | null = null;

  const build = (redirectUri: string) => {
    const built = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx, id) => {
        const person =
          people.get(id) ??
          (options.anyAddress && /^[^@\s]+@[^@\s]+$/.test(id)
            ? { email: id, emailVerified: true, name: id.slice(0, id.indexOf('@')) }
            : undefined);
        if (!person) return undefined;
        return {
          accountId: id,
          claims: () => ({
            sub: id,
            ...(person.email === undefined ? {} : { email: person.email }),
            ...(person.emailVerified === undefined ? {} : { email_verified: person.emailVerified }),
            ...(person.name === undefined ? {} : { name: person.name }),
          }),
        };
      },
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['colearn-test-idp-cookie-key'] },
      // Stated, so the provider does not warn about its defaults on every sign-in (seconds).
      ttl: {
        Interaction: 600,
        Session: 3600,
        Grant: 3600,
        AuthorizationCode: 60,
        AccessToken: 600,
        IdToken: 600,
      },
    });
    // The provider is reached over plain http on loopback; its cookies need not be Secure.
    built.proxy = false;
    return built;
  };

  server.on('request', (req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end('no relying party registered yet');
      return;
    }
    provider.callback()(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    allowRedirect(uri) {
      provider = build(uri);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
