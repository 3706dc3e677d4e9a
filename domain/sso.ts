// Single sign-on rules that need no database: which e-mail domains a workspace can claim, whether an
// address the provider sent may be trusted, where a person may be sent back to, and which error codes
// the sign-in page explains.

/** Roles a sign-in domain can give: never owner (ownership is handed over by a person, not by an address). */
export const DOMAIN_ROLES = ['member', 'facilitator'] as const;
export type DomainRole = (typeof DOMAIN_ROLES)[number];

// One DNS label: letters, digits and inner hyphens, 1..63 characters.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Why a domain name is not one a workspace can claim, or null when it is: at least two labels, a top
 * level that is not all digits (so no IP addresses), at most 253 characters. Expects lower case.
 */
export function domainProblem(domain: string): string | null {
  if (domain.length > 253) return 'At most 253 characters.';
  const labels = domain.split('.');
  if (labels.length < 2) return 'Use a full domain name, like acme.com.';
  if (!labels.every((l) => LABEL.test(l))) {
    return 'Use letters, digits, hyphens and dots only, like acme.com.';
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return 'Use a domain name, not an IP address.';
  return null;
}

/** A typed domain as stored: trimmed, lower case, without a leading `@` or a trailing dot. */
export function normalizeDomain(input: string): string {
  return input.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
}

/** The domain part of an address, lower case; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return normalizeDomain(email.slice(at + 1));
}

/**
 * Whether the provider vouches for the address: `email_verified` true, or absent when the deployment says
 * its provider vouches for every address it sends (OIDC_ASSUME_EMAIL_VERIFIED). An explicit false never is.
 */
export function emailTrusted(emailVerified: unknown, assumeVerified: boolean): boolean {
  if (emailVerified === true || emailVerified === 'true') return true;
  if (emailVerified === undefined || emailVerified === null) return assumeVerified;
  return false;
}

/** Whether the provider says outright that it has not checked the address. */
export function emailRefused(emailVerified: unknown): boolean {
  return emailVerified === false || emailVerified === 'false';
}

/**
 * Where to go after signing in: a path on this site, never another origin (`//evil.example`,
 * `/\evil.example` and anything with a scheme are refused), else the home page.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters (a tab or newline inside `/\t/evil`) are dropped by URL parsers: refuse them.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  return value;
}

/** The error codes the callback sends to the sign-in page (`/signin?sso_error=<code>`), with their words. */
export const SSO_ERRORS = {
  sso_disabled: 'Single sign-on is not set up on this Colearn.',
  sso_unavailable: 'The sign-in provider could not be reached. Try again in a moment.',
  sso_expired: 'That sign-in took too long or was started in another browser. Please try again.',
  sso_failed: 'The sign-in provider’s answer could not be verified. Please try again.',
  sso_denied: 'The sign-in was cancelled at the provider.',
  email_missing: 'The sign-in provider did not share your e-mail address, which Colearn needs.',
  email_not_verified:
    'The sign-in provider has not verified your e-mail address. Verify it there, then try again.',
  account_exists:
    'An account with your e-mail already exists. Sign in with your password; single sign-on can be linked once your provider verifies your address.',
} as const;
export type SsoError = keyof typeof SSO_ERRORS;

export function isSsoError(code: unknown): code is SsoError {
  return typeof code === 'string' && Object.hasOwn(SSO_ERRORS, code);
}
