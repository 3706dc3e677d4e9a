import type { PresenceUser } from '../../contract/live.js';
import type { ContributionKind } from '../../domain/model.js';

// Who has an inquiry open, and what they are writing. Not stored: each instance knows its own
// connections and hears the others' snapshots over the bus; a snapshot not renewed in time is dropped,
// so a dead instance's people disappear within seconds.

export const TYPING_TTL_MS = 6_000;
export const SNAPSHOT_TTL_MS = 12_000;
/** Changes within this window go out as one message, so 1,000 people joining is not 1,000² sends. */
export const PRESENCE_BATCH_MS = 150;

interface LocalEntry {
  id: string;
  name: string;
  typing: ContributionKind | null;
  typingUntil: number;
}

export interface Snapshot {
  instanceId: string;
  users: PresenceUser[];
}

export class Presence {
  private readonly local = new Map<string, LocalEntry>();
  private readonly remote = new Map<string, { users: PresenceUser[]; expiresAt: number }>();
  private lastMerged = '';
  private localDirty = false;
  private scheduled: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly instanceId: string,
    /** Tells other instances what this one sees. */
    private readonly publish: (snapshot: Snapshot) => void,
    /** Tells this instance's listeners who is here, when that changed. */
    private readonly broadcast: (users: PresenceUser[]) => void,
  ) {}

  get isEmpty(): boolean {
    return this.local.size === 0;
  }

  join(connectionId: string, user: { id: string; name: string }): void {
    this.local.set(connectionId, { ...user, typing: null, typingUntil: 0 });
    this.changed(true);
  }

  leave(connectionId: string): void {
    if (this.local.delete(connectionId)) this.changed(true);
  }

  /** A typing hint; one for an anonymous note is dropped, since it would name the author. */
  typing(connectionId: string, kind: ContributionKind | null, anonymous: boolean, at = Date.now()): void {
    const entry = this.local.get(connectionId);
    if (!entry) return;
    entry.typing = anonymous ? null : kind;
    entry.typingUntil = at + TYPING_TTL_MS;
    this.changed(true);
  }

  receive(snapshot: Snapshot, at = Date.now()): void {
    if (snapshot.instanceId === this.instanceId) return;
    this.remote.set(snapshot.instanceId, { users: snapshot.users, expiresAt: at + SNAPSHOT_TTL_MS });
    this.changed(false);
  }

  /** Expires stale typing hints and snapshots, and renews this instance's snapshot for the others. */
  tick(at = Date.now()): void {
    for (const entry of this.local.values()) {
      if (entry.typing && entry.typingUntil <= at) entry.typing = null;
    }
    for (const [id, snapshot] of this.remote) if (snapshot.expiresAt <= at) this.remote.delete(id);
    this.changed(true, true);
  }

  localUsers(): PresenceUser[] {
    return mergeUsers([...this.local.values()].map(({ id, name, typing }) => ({ id, name, typing })));
  }

  users(): PresenceUser[] {
    return mergeUsers([...this.localUsers(), ...[...this.remote.values()].flatMap((s) => s.users)]);
  }

  /** Sends now whatever is waiting (tests call this instead of waiting for the batch). */
  flush(): void {
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
    if (this.localDirty) this.publish({ instanceId: this.instanceId, users: this.localUsers() });
    this.localDirty = false;
    const users = this.users();
    const merged = JSON.stringify(users);
    if (merged === this.lastMerged) return;
    this.lastMerged = merged;
    this.broadcast(users);
  }

  stop(): void {
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
  }

  private changed(localChanged: boolean, heartbeat = false): void {
    this.localDirty ||= localChanged || heartbeat;
    if (heartbeat) return this.flush();
    this.scheduled ??= setTimeout(() => this.flush(), PRESENCE_BATCH_MS);
  }
}

/** One entry per person (they may have several tabs), typing if any of their tabs is. */
export function mergeUsers(users: PresenceUser[]): PresenceUser[] {
  const byId = new Map<string, PresenceUser>();
  for (const user of users) {
    const seen = byId.get(user.id);
    byId.set(user.id, seen ? { ...seen, typing: seen.typing ?? user.typing } : { ...user });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
