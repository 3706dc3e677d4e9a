import { z } from 'zod';
import { ROLES } from '../domain/model.js';
import { Id, Line, Timestamp } from './common.js';

export const Email = z
  .string()
  .trim()
  .max(254, 'At most 254 characters.')
  .pipe(z.email({ message: 'Not a valid e-mail address.' }))
  .transform((e) => e.toLowerCase());

export const Password = z.string().min(10, 'Use at least 10 characters.').max(200, 'At most 200 characters.');

export const SignupBody = z.strictObject({ email: Email, name: Line(80), password: Password });
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1, 'Required.').max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

/** "Forgot your password?": always answered the same, so it never tells whether an account exists. */
export const PasswordResetRequestBody = z.strictObject({ email: Email });
export const PasswordResetParams = z.strictObject({ token: z.string().min(20).max(200) });
export const PasswordResetBody = z.strictObject({ password: Password });
export const PasswordResetStatus = z.object({ valid: z.boolean() });
export const ChangePasswordBody = z.strictObject({
  /** Not needed for an account that has none yet (single sign-on): it sets one. */
  currentPassword: z.string().max(200).optional(),
  newPassword: Password,
});

export const Role = z.enum(ROLES);

export const User = z.object({ id: Id, email: z.string(), name: z.string(), createdAt: Timestamp });
export type User = z.infer<typeof User>;

/** Another person as teammates see them. */
export const PersonRef = z.object({ id: Id, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const UserResponse = z.object({ user: User });

export const MembershipSummary = z.object({ id: Id, name: z.string(), role: Role });
export const MeResponse = z.object({ user: User, workspaces: z.array(MembershipSummary) });
export type MeResponse = z.infer<typeof MeResponse>;
