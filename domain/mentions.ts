// @mentions in a note's Markdown: "@Maya" (a first name unique among the people) or "@[Maya Lindqvist]"
// (a full name). Matching is case-insensitive; ambiguous first names and unknown names mention nobody.

export interface Mentionable {
  id: string;
  name: string;
}

/** "@[Full Name]" (group 2) or a bare "@Name" not inside a word or an e-mail address (group 3). */
const MENTION = /(^|[^\w@.])@(?:\[([^\]\n]{1,80})\]|([\p{L}][\p{L}'’-]{0,39}))/gu;

const key = (s: string) => s.trim().toLocaleLowerCase();

/** The ids of the people a body mentions, each once, in the order first mentioned. */
export function findMentions(body: string, people: readonly Mentionable[]): string[] {
  const byFullName = new Map(people.map((p) => [key(p.name), p.id]));
  const byFirstName = new Map<string, string | null>();
  for (const p of people) {
    const first = key(p.name.split(/\s+/)[0] ?? '');
    if (!first) continue;
    byFirstName.set(first, byFirstName.has(first) ? null : p.id);
  }
  // Code spans and blocks mention nobody: "@types" in a snippet is not a colleague.
  const text = body.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const found: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && !found.includes(id)) found.push(id);
  };
  for (const m of text.matchAll(MENTION)) {
    add(m[2] !== undefined ? byFullName.get(key(m[2])) : byFirstName.get(key(m[3] ?? '')));
  }
  return found;
}
