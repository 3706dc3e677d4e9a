import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contribute, createTeam, join, type Person, signUp } from './factories.js';
import { Client, startServer, type TestServer } from './server.js';

// The isolation matrix: for every route the server registers, someone from another workspace gets 404,
// a lesser role gets 403, nobody signed out gets in, and the role that may do it succeeds. The list of
// routes comes from the server itself, so a new route without a case here fails this test.

type Team = Awaited<ReturnType<typeof createTeam>> & {
  other: Person;
  linkId: string;
  invitationId: string;
  questionId: string;
};
type Who = 'owner' | 'facilitator' | 'member' | 'other';

interface Case {
  path: (t: Team) => string;
  body?: (t: Team) => unknown;
  /** Who may do it (the request must succeed for them). */
  allowed: Who;
  /** Who, inside the workspace, must be refused with 403; none when every member may. */
  forbidden?: Who;
  /** The status that shows the allowed caller got through, when it is not a 2xx. */
  allowedStatus?: number;
}

/** Routes with no workspace behind them: open to anyone, or about the caller's own account. */
const NOT_WORKSPACE_SCOPED = new Set([
  'GET /api/hello',
  'GET /api/openapi.json',
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/me',
  'POST /api/workspaces',
  'POST /api/demo',
  'GET /api/invitations/:token',
  'POST /api/fit-check',
  'POST /api/invitations/:token/accept',
  // Hocuspocus: which document is wanted arrives inside the protocol, so access is checked there
  // (server/collab/access.ts) and tested in server/collab/collab.test.ts.
  'GET /api/collab',
]);

const CASES: Record<string, Case> = {
  'GET /api/workspaces/:workspaceId': { path: (t) => `/api/workspaces/${t.workspaceId}`, allowed: 'member' },
  'PATCH /api/workspaces/:workspaceId/members/:userId': {
    path: (t) => `/api/workspaces/${t.workspaceId}/members/${t.member.id}`,
    body: () => ({ role: 'facilitator' }),
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'DELETE /api/workspaces/:workspaceId/members/:userId': {
    path: (t) => `/api/workspaces/${t.workspaceId}/members/${t.member.id}`,
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'POST /api/workspaces/:workspaceId/invitations': {
    path: (t) => `/api/workspaces/${t.workspaceId}/invitations`,
    body: () => ({ email: 'new@example.com', role: 'member' }),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'GET /api/workspaces/:workspaceId/invitations': {
    path: (t) => `/api/workspaces/${t.workspaceId}/invitations`,
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'DELETE /api/workspaces/:workspaceId/invitations/:invitationId': {
    path: (t) => `/api/workspaces/${t.workspaceId}/invitations/${t.invitationId}`,
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'POST /api/workspaces/:workspaceId/inquiries': {
    path: (t) => `/api/workspaces/${t.workspaceId}/inquiries`,
    body: () => ({ title: 'T', question: 'Q?' }),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'GET /api/workspaces/:workspaceId/inquiries': {
    path: (t) => `/api/workspaces/${t.workspaceId}/inquiries`,
    allowed: 'member',
  },
  'GET /api/inquiries/:inquiryId': { path: (t) => `/api/inquiries/${t.inquiryId}`, allowed: 'member' },
  'PATCH /api/inquiries/:inquiryId': {
    path: (t) => `/api/inquiries/${t.inquiryId}`,
    body: () => ({ title: 'Renamed' }),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'GET /api/inquiries/:inquiryId/contributions': {
    path: (t) => `/api/inquiries/${t.inquiryId}/contributions`,
    allowed: 'member',
  },
  'POST /api/inquiries/:inquiryId/contributions': {
    path: (t) => `/api/inquiries/${t.inquiryId}/contributions`,
    body: () => ({ kind: 'idea', body: 'x' }),
    allowed: 'member',
  },
  'PATCH /api/contributions/:contributionId': {
    path: (t) => `/api/contributions/${t.noteId}`,
    body: () => ({ body: 'edited' }),
    allowed: 'member',
    forbidden: 'other',
  },
  'DELETE /api/contributions/:contributionId': {
    path: (t) => `/api/contributions/${t.noteId}`,
    allowed: 'member',
    forbidden: 'other',
  },
  'POST /api/contributions/:contributionId/links': {
    path: (t) => `/api/contributions/${t.noteId}/links`,
    body: (t) => ({ toId: t.questionId, kind: 'builds_on' }),
    allowed: 'other',
  },
  'GET /api/inquiries/:inquiryId/gate': {
    path: (t) => `/api/inquiries/${t.inquiryId}/gate`,
    allowed: 'member',
  },
  'GET /api/inquiries/:inquiryId/phases': {
    path: (t) => `/api/inquiries/${t.inquiryId}/phases`,
    allowed: 'member',
  },
  'POST /api/inquiries/:inquiryId/phase': {
    path: (t) => `/api/inquiries/${t.inquiryId}/phase`,
    body: () => ({ phase: 'exploring' }),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'POST /api/inquiries/:inquiryId/reveal': {
    path: (t) => `/api/inquiries/${t.inquiryId}/reveal`,
    allowed: 'facilitator',
    forbidden: 'member',
  },
  // Over plain HTTP the live route answers 426 once access is granted; the socket itself is tested in live tests.
  'GET /api/inquiries/:inquiryId/live': {
    path: (t) => `/api/inquiries/${t.inquiryId}/live`,
    allowed: 'member',
    allowedStatus: 426,
  },
  'DELETE /api/links/:linkId': {
    path: (t) => `/api/links/${t.linkId}`,
    allowed: 'member',
    forbidden: 'other',
  },
};

describe('isolation matrix', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  async function team(): Promise<Team> {
    const t = await createTeam(server);
    const other = await signUp(server, 'Otto Other');
    await join(t.owner, t.workspaceId, other, 'member');
    const question = await contribute(t.member, t.inquiryId, { kind: 'question', body: 'Which channel?' });
    const link = await t.member.client.post(`/api/contributions/${t.noteId}/links`, {
      toId: question.id,
      kind: 'answers',
    });
    const invite = await t.owner.client.post(`/api/workspaces/${t.workspaceId}/invitations`, {
      email: 'p@example.com',
    });
    return {
      ...t,
      other,
      linkId: link.body.link.id,
      invitationId: invite.body.invitation.id,
      questionId: question.id,
    };
  }

  it('has a case for every route the server registered', () => {
    const missing = server.routes
      .filter((r) => r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !CASES[key] && !NOT_WORKSPACE_SCOPED.has(key));
    expect(missing).toEqual([]);
  });

  for (const [key, c] of Object.entries(CASES)) {
    it(key, async () => {
      const [method] = key.split(' ') as [string, string];
      const t = await team();
      const send = (client: Client) => client.request(method, c.path(t), c.body?.(t));
      const who = (w: Who): Client => t[w].client;

      const anonymous = await send(new Client(server));
      expect(anonymous.status, `${key} signed out`).toBe(401);

      const outsider = await send(t.outsider.client);
      expect([outsider.status, outsider.body?.error?.code], `${key} from another workspace`).toEqual([
        404,
        'not_found',
      ]);

      if (c.forbidden) {
        const refused = await send(who(c.forbidden));
        expect([refused.status, refused.body?.error?.code], `${key} as ${c.forbidden}`).toEqual([
          403,
          'forbidden',
        ]);
      }
      const done = await send(who(c.allowed));
      const got = `${key} as ${c.allowed}: ${JSON.stringify(done.body)}`;
      if (c.allowedStatus) expect(done.status, got).toBe(c.allowedStatus);
      else expect(done.status, got).toBeLessThan(300);
    });
  }
});
