import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createTeam } from './factories.js';
import { startServer, type TestServer } from './server.js';

// A lens held by one person names them: search must not tie an anonymous note to its lens, as the board
// does not (presenters drop the lens with the author). Neither in a hit, nor through the lens filter or facet.

describe('search and the lens of an anonymous note', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('never shows, filters or counts the lens of someone else’s anonymous note', async () => {
    const { facilitator, member, workspaceId, inquiryId } = await createTeam(server);
    await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { allowAnonymous: true });
    const lens = await facilitator.client.patch(`/api/inquiries/${inquiryId}/participants/${member.id}`, {
      perspective: 'finance',
    });
    expect(lens.status).toBe(200);
    const secret = await contribute(member, inquiryId, {
      kind: 'idea',
      body: 'Margins on turbines are thinner than anyone admits',
      anonymous: true,
    });
    const named = await contribute(member, inquiryId, { kind: 'idea', body: 'Turbines need a price review' });
    const search = async (who: typeof member, query: string) =>
      (await who.client.get(`/api/workspaces/${workspaceId}/search?${query}`)).body;

    const seen = await search(facilitator, 'q=turbines');
    const hit = (id: string) => seen.items.find((h: { contributionId: string }) => h.contributionId === id);
    expect(hit(secret.id)).toMatchObject({ author: null, perspective: null });
    expect(hit(named.id)).toMatchObject({ perspective: 'finance' });
    expect(seen.facets.lens).toEqual([{ value: 'finance', label: 'finance', count: 1 }]);
    const filtered = await search(facilitator, 'q=turbines&lens=finance');
    expect(filtered.items.map((h: { contributionId: string }) => h.contributionId)).toEqual([named.id]);

    // Its author still sees their own note's lens.
    const own = await search(member, 'q=turbines&lens=finance');
    expect(own.items.map((h: { contributionId: string }) => h.contributionId).sort()).toEqual(
      [secret.id, named.id].sort(),
    );
  });
});
