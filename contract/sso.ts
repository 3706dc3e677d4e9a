import { z } from 'zod';
import { DOMAIN_ROLES, domainProblem, normalizeDomain } from '../domain/sso.js';
import { Id, Timestamp } from './common.js';

// Single sign-on (OpenID Connect): what the sign-in page asks about, and the e-mail domains a workspace
// claims so that people signing in through SSO join it.

/** Which ways to sign in this Colearn offers besides a password; public. */
export const AuthProviders = z.object({
  oidc: z.object({ enabled: z.literal(true), name: z.string() }).or(z.object({ enabled: z.literal(false) })),
});
export type AuthProviders = z.infer<typeof AuthProviders>;

/** Where the browser goes after signing in: a path on this site (anything else becomes `/`). */
export const OidcStartQuery = z.object({ returnTo: z.string().optional() });

/**
 * The provider's answer (`code`, `state`, `iss`, or `error`…). Loose on purpose: openid-client checks it,
 * and anything odd (a repeated parameter) must end on the sign-in page, not in a 400.
 */
export const OidcCallbackQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const DomainRole = z.enum(DOMAIN_ROLES);

export const DomainName = z
  .string()
  .max(260, 'At most 253 characters.')
  .transform(normalizeDomain)
  .superRefine((d, ctx) => {
    const problem = domainProblem(d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const CreateWorkspaceDomainBody = z.strictObject({
  domain: DomainName,
  /** The role people from this domain join with; an existing membership is never lowered. */
  role: DomainRole.default('member'),
});
export type CreateWorkspaceDomainBody = z.input<typeof CreateWorkspaceDomainBody>;

export const WorkspaceDomainParams = z.strictObject({ workspaceId: Id, domainId: Id });

export const WorkspaceDomain = z.object({
  id: Id,
  workspaceId: Id,
  domain: z.string(),
  role: DomainRole,
  createdAt: Timestamp,
});
export type WorkspaceDomain = z.infer<typeof WorkspaceDomain>;
export const WorkspaceDomainResponse = z.object({ domain: WorkspaceDomain });
export const WorkspaceDomainList = z.object({ items: z.array(WorkspaceDomain), nextCursor: z.null() });
export type WorkspaceDomainList = z.infer<typeof WorkspaceDomainList>;
