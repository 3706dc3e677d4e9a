import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SYNTHESIS_FIELD, synthesisDocumentName } from '../../contract/collab.js';
import { InquiryExport } from '../../contract/export.js';
import { appendDocumentUpdate } from '../store/documents.js';
import { postgresUnavailable } from './databases.js';
import { contribute, createTeam, join, signUp } from './factories.js';
import { startServer, type TestServer } from './server.js';

// Exporting an inquiry: every format carries the conversation, the conclusion and the reflections, and
// none carries what the exporter may not see or who wrote an anonymous note.

const postgresReason = await postgresUnavailable();
if (postgresReason) console.warn(`Skipping the PostgreSQL export suite: ${postgresReason}`);

describe.each([
  { database: 'sqlite' as const, skip: null },
  { database: 'postgres' as const, skip: postgresReason },
])('inquiry export on $database', ({ database, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startServer({ database });
  });
  afterAll(() => server?.close());

  it.skipIf(Boolean(skip))(
    'writes threads, conclusion, synthesis and reflections as Markdown, JSON and CSV',
    async () => {
      const team = await createTeam(server);
      const { facilitator, member, inquiryId, noteId } = team;
      const peer = await signUp(server, 'Pat | Peer');
      await join(team.owner, team.workspaceId, peer, 'member');
      await facilitator.client.patch(`/api/inquiries/${inquiryId}`, { participantIds: [member.id, peer.id] });
      const evidence = await contribute(peer, inquiryId, {
        kind: 'evidence',
        body: '=SUM(A1) returns doubled in March',
        links: [{ toId: noteId, kind: 'supports' }],
      });
      const secret = await contribute(peer, inquiryId, {
        kind: 'assumption',
        body: 'Nobody reads the size chart',
        anonymous: true,
        links: [{ toId: noteId, kind: 'builds_on' }],
      });
      const doc = new Y.Doc();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Sizing, not the supplier, drives returns.')]);
      doc.getXmlFragment(SYNTHESIS_FIELD).insert(0, [paragraph]);
      await appendDocumentUpdate(
        server.database.db,
        synthesisDocumentName(inquiryId),
        Y.encodeStateAsUpdate(doc),
      );
      await server.database.db
        .updateTable('inquiries')
        .set({ phase: 'synthesizing' })
        .where('id', '=', inquiryId)
        .execute();
      const proposed = await facilitator.client.post(`/api/inquiries/${inquiryId}/conclusion`, {
        text: 'Fix the size chart first.',
        restsOn: [noteId, evidence.id],
      });
      expect(proposed.status).toBe(200);

      const json = await peer.client.get(`/api/inquiries/${inquiryId}/export?format=json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="aurora-churn\.json"/);
      const parsed = InquiryExport.parse(json.body);
      expect(parsed.contributions.map((c) => c.id).sort()).toEqual([noteId, evidence.id, secret.id].sort());
      const anonymous = parsed.contributions.find((c) => c.id === secret.id);
      // Even the author's own export does not say who wrote the anonymous note.
      expect(anonymous?.author).toBeNull();
      expect(parsed.links).toHaveLength(2);
      expect(parsed.synthesis).toBe('Sizing, not the supplier, drives returns.');
      expect(parsed.conclusion?.versions[0]?.text).toBe('Fix the size chart first.');

      const md = await member.client.get(`/api/inquiries/${inquiryId}/export`);
      expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      const text = md.body as string;
      expect(text).toContain('# Aurora churn');
      expect(text).toContain('## Conclusion');
      expect(text).toContain('Fix the size chart first.');
      expect(text).toContain('## Synthesis');
      expect(text).toMatch(/> \*\*Evidence\*\* supports the note above — Pat \\\| Peer/);
      expect(text).toMatch(/> \*\*Assumption\*\* builds on the note above — Anonymous/);
      expect(text.split('Nobody reads the size chart')[0]?.split('\n').at(-3)).not.toContain('Pat');

      const notes = await member.client.get(`/api/inquiries/${inquiryId}/export?format=contributions-csv`);
      expect(notes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = (notes.body as string).trim().split('\n');
      expect(rows[0]).toBe(
        'id,kind,state,confidence,author,author_id,anonymous,lens,helped,created_at,updated_at,body',
      );
      expect(rows).toHaveLength(4);
      const secretRow = rows.find((r) => r.startsWith(secret.id)) ?? '';
      expect(secretRow).toContain(',Anonymous,,yes,');
      expect(secretRow).not.toContain(peer.id);
      // A note that looks like a formula stays text in a spreadsheet.
      expect(rows.find((r) => r.startsWith(evidence.id))).toContain("'=SUM(A1)");
      const links = await member.client.get(`/api/inquiries/${inquiryId}/export?format=links-csv`);
      expect((links.body as string).trim().split('\n')).toHaveLength(3);
    },
  );

  it.skipIf(Boolean(skip))('leaves out what private mode still hides from the exporter', async () => {
    const { facilitator, member, owner, workspaceId } = await createTeam(server);
    const peer = await signUp(server, 'Quinn Quiet');
    await join(owner, workspaceId, peer, 'member');
    const created = await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
      title: 'Think first',
      question: 'What should we try?',
      participantIds: [member.id, peer.id],
      privateMode: true,
    });
    const inquiryId = created.body.inquiry.id;
    await contribute(member, inquiryId, { kind: 'idea', body: 'Visible to me' });
    const hidden = await contribute(peer, inquiryId, { kind: 'idea', body: 'Held back until the reveal' });
    const before = await member.client.get(`/api/inquiries/${inquiryId}/export`);
    expect(before.body).toContain('Visible to me');
    expect(before.body).not.toContain('Held back until the reveal');
    const csv = await member.client.get(`/api/inquiries/${inquiryId}/export?format=contributions-csv`);
    expect(csv.body).not.toContain(hidden.id);
    await facilitator.client.post(`/api/inquiries/${inquiryId}/reveal`);
    const after = await member.client.get(`/api/inquiries/${inquiryId}/export`);
    expect(after.body).toContain('Held back until the reveal');
  });

  it.skipIf(Boolean(skip))('refuses an unknown format with a field error', async () => {
    const { member, inquiryId } = await createTeam(server);
    const reply = await member.client.get(`/api/inquiries/${inquiryId}/export?format=pdf`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields[0].path).toBe('query.format');
  });
});
