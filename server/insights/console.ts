import type { Finding, InsightsResponse } from '../../contract/insights.js';
import { InsightsEngine } from '../../domain/insights/engine.js';
import type { Privacy } from '../auth/privacy.js';
import type { Db } from '../store/db.js';
import type { InquiryRecord } from '../store/inquiries.js';
import { findThresholds, listAsked, listPrompts } from '../store/insights.js';
import type { InsightsCache } from './engine-cache.js';
import { latestAsked, presentAsked, presentFinding } from './present.js';

// The console for one viewer: the cached engine's findings and participation, seen through private mode.
// The facilitator sees every note (as on the board); an owner stepping in who is not the facilitator sees
// figures over only the notes they may see, from a second engine built for that request.

export interface ConsoleView {
  findings: Finding[];
  participation: InsightsResponse['participation'];
  askedPrompts: InsightsResponse['askedPrompts'];
  /** For each finding, the note its question is about (an asked question replies to it). */
  aboutNote: Map<string, string | null>;
  seq: number;
  cold: boolean;
}

function engineFor(engine: InsightsEngine, viewerId: string, privacy: Privacy): InsightsEngine {
  if (!privacy.active || viewerId === engine.facilitator) return engine;
  const snapshot = engine.snapshot();
  const notes = snapshot.notes.filter((n) => privacy.canSee(viewerId, n));
  if (notes.length === snapshot.notes.length) return engine;
  const visible = new Set(notes.map((n) => n.id));
  return new InsightsEngine({
    ...snapshot,
    notes,
    links: snapshot.links.filter((l) => visible.has(l.fromId) && visible.has(l.toId)),
    acknowledgements: snapshot.acknowledgements.filter((a) => visible.has(a.contributionId)),
  });
}

export async function consoleView(
  db: Db,
  cache: InsightsCache,
  inquiry: InquiryRecord,
  viewerId: string,
  privacy: Privacy,
  now = Date.now(),
): Promise<ConsoleView> {
  const [cached, thresholds, prompts, asked] = await Promise.all([
    cache.engineFor(inquiry),
    findThresholds(db, inquiry.workspaceId),
    listPrompts(db, inquiry.workspaceId),
    listAsked(db, inquiry.id),
  ]);
  const engine = engineFor(cached.engine, viewerId, privacy);
  const ctx = {
    engine,
    prompts: new Map(prompts.map((p) => [p.rule, p])),
    asked: latestAsked(asked),
    privacy,
    participantIds: engine.participantIds(),
  };
  const detections = engine.findings(now, thresholds);
  const findings = detections.map((d) => presentFinding(ctx, d));
  return {
    findings,
    aboutNote: new Map(detections.map((d) => [d.id, d.fill.noteId])),
    participation: engine.participation(),
    askedPrompts: presentAsked(engine, asked, new Set(findings.map((f) => f.id))),
    seq: cached.seq,
    cold: cached.cold,
  };
}
