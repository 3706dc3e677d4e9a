// A real OpenID Connect provider for the end-to-end tests (oidc-provider, its development sign-in pages):
// prints one JSON line with what the Colearn server needs (OIDC_*), then serves until stopped.
// Usage: tsx scripts/e2e-idp.ts <Colearn's callback URL>
import { startIdentityProvider } from '../server/test/identity-provider.js';

const callback = process.argv[2];
if (!callback) {
  console.error('usage: tsx scripts/e2e-idp.ts <callback URL>');
  process.exit(2);
}
const idp = await startIdentityProvider({ anyAddress: true });
idp.allowRedirect(callback);
console.log(JSON.stringify({ issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret }));
const stop = () => void idp.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
