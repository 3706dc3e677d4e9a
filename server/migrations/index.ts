import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as foundation from './2026-11-28-001-foundation.js';
import * as events from './2026-11-28-002-events.js';
import * as synthesis from './2026-11-28-003-synthesis.js';
import * as mechanics from './2026-11-28-004-mechanics.js';
import * as consentReflection from './2026-11-28-005-consent-reflection.js';
import * as participation from './2026-11-28-006-participation.js';
import * as helpRequests from './2026-11-28-007-help-requests.js';
import * as notifications from './2026-11-28-008-notifications.js';
import * as contributionAuthors from './2026-11-28-009-contribution-authors-index.js';
import * as privatePhases from './2026-11-28-010-private-phases.js';
import * as understandingPulses from './2026-11-28-011-understanding-pulses.js';
import * as insights from './2026-11-28-012-insights.js';
import * as apiTokens from './2026-11-28-013-api-tokens.js';
import * as webhooks from './2026-11-28-014-webhooks.js';
import * as notificationDelivery from './2026-11-28-015-notification-delivery.js';
import * as helpRequestNote from './2026-11-28-019-help-request-note.js';
import * as passwordResets from './2026-11-28-020-password-resets.js';
import * as search from './2026-11-28-016-search.js';
import * as archiveAggregates from './2026-11-28-017-archive-aggregates.js';
import * as sso from './2026-11-28-018-sso.js';

// Listed by hand, not read from disk, so the set is the same under tsx, a bundle or a test runner.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28-001-foundation': foundation,
  '2026-11-28-002-events': events,
  '2026-11-28-003-synthesis': synthesis,
  '2026-11-28-004-mechanics': mechanics,
  '2026-11-28-005-consent-reflection': consentReflection,
  '2026-11-28-006-participation': participation,
  '2026-11-28-007-help-requests': helpRequests,
  '2026-11-28-008-notifications': notifications,
  '2026-11-28-009-contribution-authors-index': contributionAuthors,
  '2026-11-28-010-private-phases': privatePhases,
  '2026-11-28-011-understanding-pulses': understandingPulses,
  '2026-11-28-012-insights': insights,
  '2026-11-28-013-api-tokens': apiTokens,
  '2026-11-28-014-webhooks': webhooks,
  '2026-11-28-015-notification-delivery': notificationDelivery,
  '2026-11-28-019-help-request-note': helpRequestNote,
  '2026-11-28-020-password-resets': passwordResets,
  '2026-11-28-016-search': search,
  '2026-11-28-017-archive-aggregates': archiveAggregates,
  '2026-11-28-018-sso': sso,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest<T>(db: Kysely<T>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
