import type { Generated } from 'kysely';
import type { InsightRule } from '../../domain/insights/rules.js';
import type {
  Confidence,
  ContributionKind,
  ContributionState,
  LinkKind,
  Mode,
  NotificationKind,
  Phase,
  Role,
} from '../../domain/model.js';

// The tables as Kysely sees them. Times are ISO 8601 UTC strings and booleans are 0/1 on both databases,
// so one query layer reads the same on SQLite and PostgreSQL.

type Bool = number;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  id: string; // sha-256 of the cookie token; the token itself is never stored
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string; // sha-256 of the token; the token itself is never stored
  scopes: string; // "read" or "read,write"
  prefix: string; // the token's first characters, so a person can tell their tokens apart
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A person's account at an OpenID Connect provider, linked to their account here. */
export interface UserIdentitiesTable {
  id: string;
  user_id: string;
  issuer: string;
  subject: string;
  email: string;
  created_at: string;
  last_login_at: string;
}

/** A single sign-on under way: what the callback must check, bound to the browser by a cookie. */
export interface OidcLoginsTable {
  id: string; // sha-256 of the cookie's value
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  expires_at: string;
}

/** People signing in through SSO with a verified address in this domain join the workspace. */
export interface WorkspaceDomainsTable {
  id: string;
  workspace_id: string;
  domain: string;
  role: Exclude<Role, 'owner'>;
  created_by: string;
  created_at: string;
}

export interface WebhooksTable {
  id: string;
  workspace_id: string;
  url: string;
  events: string; // comma-separated WebhookEvent values
  format: 'json' | 'slack';
  description: string | null;
  secret: string;
  active: number;
  created_by: string;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  payload: string; // the JSON body, exactly as signed and sent
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  claimed_until: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  email_digest: 'off' | 'hourly' | 'daily';
  muted: string; // comma-separated notification kinds kept out of the inbox
  last_digest_at: string;
  updated_at: string;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface LoginFailuresTable {
  key: string; // "account:<email>" or "ip:<address>"
  at: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
  /** k: pulse results need at least this many answers (never below 3; 5 unless the owner changes it). */
  pulse_threshold: Generated<number>;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface InquiriesTable {
  id: string;
  workspace_id: string;
  title: string;
  question: string;
  context: string;
  success_criteria: string;
  mode: Mode;
  phase: Phase;
  allow_anonymous: Bool;
  facilitator_id: string;
  created_at: string;
  updated_at: string;
  last_activity_at: string;
  /** The sequence number of the inquiry's newest event. */
  last_seq: number;
  private_mode: Bool;
  leader_speaks_last: Bool;
  revealed_at: string | null;
  /** JSON GateSettings; null means the defaults. */
  gate_settings: string | null;
  /** JSON StoredFitCheck; null when the inquiry was framed without one. */
  fit_check: string | null;
  /** JSON array of the phases to think first in (private mode); '[]' for none. */
  private_phases: string;
}

export interface PhaseChangesTable {
  id: string;
  inquiry_id: string;
  from_phase: Phase;
  to_phase: Phase;
  moved_by: string;
  override_reason: string | null;
  /** JSON Missing[]: who the gate was still waiting for when the facilitator moved on. */
  missing: string;
  /** What the move did to private mode (think-first phases): 'started', 'revealed' or null. */
  privacy: string | null;
  created_at: string;
}

export interface InquiryParticipantsTable {
  inquiry_id: string;
  user_id: string;
  perspective: string | null;
  joined_at: string;
}

export interface ContributionsTable {
  id: string;
  inquiry_id: string;
  author_id: string;
  kind: ContributionKind;
  body: string;
  confidence: Confidence;
  state: ContributionState | null;
  anonymous: Bool;
  created_at: string;
  updated_at: string;
  /** The lens the author was given when they wrote it (jigsaw perspectives). */
  perspective: string | null;
}

export interface LinksTable {
  id: string;
  inquiry_id: string;
  from_id: string;
  to_id: string;
  kind: LinkKind;
  created_by: string;
  /** Made together with an anonymous note, so its maker is hidden like the note's author. */
  anonymous: Bool;
  created_at: string;
}

export interface EventsTable {
  inquiry_id: string;
  seq: number;
  type: string;
  /** The changed record as the server knows it (authors included); presented per recipient on delivery. */
  data: string;
  created_at: string;
}

export interface DocumentUpdatesTable {
  id: string;
  /** The Yjs document's name, e.g. "inquiry:<id>:synthesis". */
  document: string;
  update_b64: string;
  created_at: string;
}

export interface ConclusionsTable {
  inquiry_id: string;
  /** JSON Proposal (domain/mechanics/consent.ts): every version, endorsement, objection and the adoption. */
  proposal: string;
  /** Bumped on every change; a write that read an older revision is refused and retried. */
  revision: number;
  updated_at: string;
}

export interface ReflectionsTable {
  inquiry_id: string;
  user_id: string;
  learned: string;
  still_unclear: string;
  keep: string;
  change: string;
  teach_back: string;
  updated_at: string;
}

/** One searchable text of a workspace (server/search/); the full-text index follows these rows. */
export interface SearchEntriesTable {
  id: Generated<number>;
  /** `<source>:<id>` */
  key: string;
  workspace_id: string;
  inquiry_id: string;
  source: 'inquiry' | 'contribution' | 'conclusion' | 'reflection' | 'synthesis';
  contribution_id: string | null;
  kind: ContributionKind | null;
  state: ContributionState | null;
  /** The note's author or the reflecting person; null for the inquiry's own texts. */
  author_id: string | null;
  anonymous: Bool;
  perspective: string | null;
  title: string;
  text: string;
  /** Tokens naming the workspace and the inquiry (FTS5 narrows to them inside the index). */
  scope: string;
  created_at: string;
}

export interface AcknowledgementsTable {
  contribution_id: string;
  user_id: string;
  created_at: string;
}

export interface CommitmentsTable {
  id: string;
  inquiry_id: string;
  text: string;
  owner_id: string;
  /** YYYY-MM-DD */
  due_date: string | null;
  status: 'open' | 'done' | 'dropped';
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface SubtasksTable {
  id: string;
  inquiry_id: string;
  title: string;
  detail: string;
  assignee_id: string;
  due_date: string | null;
  status: 'todo' | 'doing' | 'done';
  /** What the assignee delivers; the assembly combines the results. */
  result: string;
  created_at: string;
  updated_at: string;
}

export interface HelpRequestsTable {
  id: string;
  inquiry_id: string;
  requester_id: string;
  body: string;
  claimed_by: string | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
  /** The note the person is stuck on, if they asked from one. */
  contribution_id: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  workspace_id: string;
  inquiry_id: string | null;
  kind: NotificationKind;
  /** Who did it; null when that would name the author of an anonymous note. */
  actor_id: string | null;
  subject_id: string | null;
  summary: string;
  read_at: string | null;
  created_at: string;
}

export interface UnderstandingChecksTable {
  id: string;
  inquiry_id: string;
  stage: 'exploring' | 'reflecting';
  /** JSON [{id, label, contributionId}] */
  items: string;
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
}

export interface UnderstandingResponsesTable {
  check_id: string;
  user_id: string;
  /** JSON item ids, most convincing first; shown to its author only. */
  ranking: string;
  theory: string;
  updated_at: string;
}

export interface PulsesTable {
  id: string;
  workspace_id: string;
  /** Null for a team pulse. */
  inquiry_id: string | null;
  opened_by: string;
  opened_at: string;
  closes_at: string | null;
  closed_at: string | null;
  threshold: number;
}

/** Who has answered a pulse: no time, no order, nothing that matches an answer. */
export interface PulseRespondentsTable {
  pulse_id: string;
  user_id: string;
}

/** One answer, with no link to the person: a random UUIDv4, no time. */
export interface PulseAnswersTable {
  id: string;
  pulse_id: string;
  item1: number;
  item2: number;
  item3: number;
  item4: number;
  item5: number;
  item6: number;
  item7: number;
}

export interface PulseCommentsTable {
  id: string;
  pulse_id: string;
  body: string;
}

/** An imported pulse's result as it travelled in a workspace archive: a count and the item sums only. */
export interface PulseAggregatesTable {
  pulse_id: string;
  responses: number;
  /** JSON number[7] of raw item sums; null when the results were not shown where it came from. */
  sums: string | null;
}

/** An imported understanding check's agreement as it travelled in a workspace archive. */
export interface UnderstandingAggregatesTable {
  check_id: string;
  responses: number;
  /** JSON UnderstandingResult as it stood when exported. */
  result: string;
}

export interface FacilitatorPromptsTable {
  id: string;
  workspace_id: string;
  rule: InsightRule;
  text: string;
  addressed_to: 'group' | 'person';
  updated_at: string;
}

export interface InsightSettingsTable {
  workspace_id: string;
  /** JSON Partial<InsightThresholds>: what the workspace changed from the defaults. */
  thresholds: string;
  updated_at: string;
}

/** A suggested question the facilitator posted into an inquiry. */
export interface AskedPromptsTable {
  id: string;
  inquiry_id: string;
  rule: InsightRule;
  finding_id: string;
  prompt_id: string | null;
  contribution_id: string;
  asked_by: string;
  asked_at: string;
}

export interface PasswordResetsTable {
  /** SHA-256 of the link's token. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface DB {
  facilitator_prompts: FacilitatorPromptsTable;
  insight_settings: InsightSettingsTable;
  asked_prompts: AskedPromptsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  user_identities: UserIdentitiesTable;
  oidc_logins: OidcLoginsTable;
  workspace_domains: WorkspaceDomainsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  notification_preferences: NotificationPreferencesTable;
  mail_outbox: MailOutboxTable;
  login_failures: LoginFailuresTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  inquiries: InquiriesTable;
  inquiry_participants: InquiryParticipantsTable;
  contributions: ContributionsTable;
  links: LinksTable;
  events: EventsTable;
  document_updates: DocumentUpdatesTable;
  phase_changes: PhaseChangesTable;
  conclusions: ConclusionsTable;
  reflections: ReflectionsTable;
  acknowledgements: AcknowledgementsTable;
  search_entries: SearchEntriesTable;
  commitments: CommitmentsTable;
  subtasks: SubtasksTable;
  help_requests: HelpRequestsTable;
  notifications: NotificationsTable;
  understanding_checks: UnderstandingChecksTable;
  understanding_responses: UnderstandingResponsesTable;
  pulses: PulsesTable;
  pulse_respondents: PulseRespondentsTable;
  pulse_answers: PulseAnswersTable;
  pulse_comments: PulseCommentsTable;
  pulse_aggregates: PulseAggregatesTable;
  understanding_aggregates: UnderstandingAggregatesTable;
  password_resets: PasswordResetsTable;
}
