import type { Contribution, Link } from '../../../contract/contributions.js';
import { CONTRIBUTION_KINDS, LINK_KINDS } from '../../../domain/model.js';

// A generated board for tests of the map at scale (unit tests, and e2e through a routed API answer).

export function note(id: string, inquiryId: string, over: Partial<Contribution> = {}): Contribution {
  return {
    id,
    inquiryId,
    kind: 'question',
    body: `Note ${id}`,
    confidence: 'leaning',
    state: null,
    anonymous: false,
    author: { id: 'u1', name: 'Ann' },
    isMine: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    perspective: null,
    acknowledgements: 0,
    acknowledgedByMe: false,
    ...over,
  };
}

function link(id: string, fromId: string, toId: string, kind: Link['kind']): Link {
  return { id, fromId, toId, kind, createdBy: null, createdAt: '2026-01-01T00:00:00.000Z' };
}

/** A board like a busy real one: threads of every size, every kind and link kind, a few anonymous notes. */
export function generatedBoard(n: number, inquiryId = 'i'): { items: Contribution[]; links: Link[] } {
  const items: Contribution[] = [];
  const links: Link[] = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < n; i++) {
    const id = `n${i}`;
    items.push(
      note(id, inquiryId, {
        kind: CONTRIBUTION_KINDS[i % CONTRIBUTION_KINDS.length],
        author: i % 50 === 0 ? null : { id: `u${i % 9}`, name: `Person ${i % 9}` },
        anonymous: i % 50 === 0,
        perspective: i % 50 === 0 ? null : (['customer', 'finance', null][i % 3] ?? null),
        body: `Note ${i}: ${['Which customers left first?', 'The price crossed a budget line.', 'Churn is 41% small shops.', 'We assume two rivals.'][i % 4]}`,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      }),
    );
    // Two notes in three reply to an earlier one nearby: threads of varied size.
    if (i > 0 && rand() < 0.66) {
      const to = Math.max(0, i - 1 - Math.floor(rand() * 12));
      links.push(link(`l${i}`, id, `n${to}`, LINK_KINDS[i % LINK_KINDS.length] ?? 'builds_on'));
    }
    // Now and then a rise-above note synthesizes two earlier ones: threads that are not trees.
    if (i % 40 === 39) links.push(link(`s${i}`, id, `n${i - 25}`, 'synthesizes'));
  }
  return { items, links };
}
