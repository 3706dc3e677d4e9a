// The synthesis editor's pure parts: who is editing, in which colour, what the status line says, and
// which link addresses are allowed. Kept free of TipTap and Yjs so they test quickly (synthesis.test.ts).

export { SYNTHESIS_FIELD, synthesisDocumentName } from '../../../contract/collab.js';

/**
 * Caret colours: each dark enough for white label text at 4.5:1 and told apart from its neighbours. The
 * name is always on the label too; the colour only helps the eye follow a caret.
 */
export const CARET_COLORS = [
  '#1864ab', // blue
  '#c92a2a', // red
  '#237032', // green
  '#862e9c', // purple
  '#a13d00', // orange, darkened
  '#0b7285', // cyan
  '#a61e4d', // pink
  '#5c5f66', // slate
] as const;

/** The same person gets the same colour in every tab and on every screen. */
export function caretColor(userId: string): string {
  let h = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return CARET_COLORS[(h >>> 0) % CARET_COLORS.length] ?? CARET_COLORS[0];
}

export interface CaretUser {
  id: string;
  name: string;
  color: string;
}

/** What an awareness state holds for a person (CollaborationCaret keeps it under `user`). */
export function caretUserOf(state: unknown): CaretUser | null {
  if (!state || typeof state !== 'object' || !('user' in state)) return null;
  const user = (state as { user: unknown }).user;
  if (!user || typeof user !== 'object') return null;
  const { id, name, color } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return { id, name, color: typeof color === 'string' ? color : caretColor(id) };
}

/** The people with the synthesis open, once each (two tabs are one person), me first, then by name. */
export function editorsOf(states: Iterable<unknown>, myId: string | undefined): CaretUser[] {
  const byId = new Map<string, CaretUser>();
  for (const state of states) {
    const user = caretUserOf(state);
    if (user && !byId.has(user.id)) byId.set(user.id, user);
  }
  return [...byId.values()].sort((a, b) =>
    a.id === myId ? -1 : b.id === myId ? 1 : a.name.localeCompare(b.name),
  );
}

/**
 * The longest text pasted at once. Each paste travels to the server as one message, and the server
 * accepts WebSocket messages up to 64 KiB (server/app.ts); 16,000 characters stay under that even when
 * every one takes three bytes. A synthesis is meant to be read in a few minutes anyway.
 */
export const MAX_PASTE_CHARS = 16_000;

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface SynthesisState {
  status: ConnectionStatus;
  /** The exchange with the server is done on the current connection. */
  synced: boolean;
  /** It was done once, on this or an earlier connection. */
  everSynced: boolean;
  /** Edits of mine the server has not confirmed yet. */
  unsynced: number;
  online: boolean;
  readOnly: boolean;
  denied: boolean;
  editors: number;
}

/** The one line beside the editor: "Saved · 3 editing", "Saving…", "Reconnecting…". */
export function statusLine(s: SynthesisState): { text: string; tone: 'ok' | 'busy' | 'warn' } {
  if (s.denied) return { text: 'You cannot open this synthesis', tone: 'warn' };
  if (!s.online) return { text: 'Offline · your edits are kept and sync when you’re back', tone: 'warn' };
  if (!s.everSynced) return { text: 'Connecting…', tone: 'busy' };
  if (s.status !== 'connected' || !s.synced) return { text: 'Reconnecting…', tone: 'warn' };
  const who = s.editors > 0 ? ` · ${s.editors} ${s.readOnly ? 'here' : 'editing'}` : '';
  if (s.readOnly) return { text: `Read-only${who}`, tone: 'ok' };
  if (s.unsynced > 0) return { text: `Saving…${who}`, tone: 'busy' };
  return { text: `Saved${who}`, tone: 'ok' };
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link may point to, or null. Web addresses and e-mail only: never `javascript:`, `data:`
 * or anything else a browser would run. A bare "example.com/x" becomes https://example.com/x.
 */
export function safeHref(input: string): string | null {
  const raw = input.trim();
  if (!raw || /\s/.test(raw) || raw.length > 2_000) return null;
  // Control characters can hide a scheme from a naive check ("java\u0000script:").
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) < 32 || raw.charCodeAt(i) === 127) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw);
  const candidate = hasScheme
    ? raw
    : /^[^@/]+@[^@/]+\.[^@/]+$/.test(raw)
      ? `mailto:${raw}`
      : /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#].*)?$/i.test(raw)
        ? `https://${raw}`
        : null;
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return candidate;
}
