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
  objectionId?: string;
  commitmentId?: string;
  subtaskId?: string;
  helpRequestId?: string;
  promptId?: string;
  checkId?: string;
  checkItemIds?: string[];
  pulseId?: string;
  webhookId?: string;
  domainId?: string;
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
  /** Brings the inquiry to where the route makes sense (a phase, a proposal, an objection). */
  prepare?: (t: Team, server: TestServer) => Promise<void>;
}

async function setPhase(
  server: TestServer,
  inquiryId: string,
  phase: 'synthesizing' | 'reflecting',
): Promise<void> {
  await server.database.db.updateTable('inquiries').set({ phase }).where('id', '=', inquiryId).execute();
}

/** Synthesizing, with a conclusion proposed by the facilitator and an objection by the member. */
async function withObjection(t: Team, server: TestServer, answered = false): Promise<void> {
  await setPhase(server, t.inquiryId, 'synthesizing');
  const base = `/api/inquiries/${t.inquiryId}/conclusion`;
  await t.facilitator.client.post(base, { text: 'Sizing drives returns', restsOn: [t.noteId] });
  const objected = await t.member.client.post(`${base}/objections`, { reason: 'Not enough data yet' });
  t.objectionId = objected.body.conclusion.proposal.objections[0].id;
  if (answered) {
    await t.facilitator.client.post(`${base}/objections/${t.objectionId}/answer`, {
      response: 'Returns data covers 2 years',
    });
  }
}

/** A webhook of the workspace (to an address that does not answer: the test ping fails, which is fine). */
async function withWebhook(t: Team): Promise<void> {
  const made = await t.owner.client.post(`/api/workspaces/${t.workspaceId}/webhooks`, {
    url: 'http://192.0.2.1/hook',
    events: ['inquiry.created'],
  });
  t.webhookId = made.body.webhook.id;
}

/** A sign-in domain of the workspace. */
async function withDomain(t: Team): Promise<void> {
  const made = await t.owner.client.post(`/api/workspaces/${t.workspaceId}/domains`, { domain: 'acme.com' });
  t.domainId = made.body.domain.id;
}

const conclusion = (t: Team) => `/api/inquiries/${t.inquiryId}/conclusion`;

/** A commitment owned by the member, made by the facilitator. */
async function withCommitment(t: Team): Promise<void> {
  const made = await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/commitments`, {
    text: 'Call the supplier',
    ownerId: t.member.id,
  });
  t.commitmentId = made.body.commitment.id;
}

/** The member is stuck on something. */
async function withHelpRequest(t: Team): Promise<void> {
  const made = await t.member.client.post(`/api/inquiries/${t.inquiryId}/help-requests`, {
    body: 'How do I read the returns export?',
  });
  t.helpRequestId = made.body.helpRequest.id;
}

/** A subtask assigned to the member. */
async function withSubtask(t: Team): Promise<void> {
  const made = await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/subtasks`, {
    title: 'Pull the returns data',
    assigneeId: t.member.id,
  });
  t.subtaskId = made.body.subtask.id;
}

/** An open understanding check with two listed options. */
async function withCheck(t: Team): Promise<void> {
  const made = await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/understanding`, {
    stage: 'exploring',
    items: [{ label: 'Sizing' }, { label: 'Price' }],
  });
  t.checkId = made.body.check.id;
  t.checkItemIds = made.body.check.items.map((i: { id: string }) => i.id);
}

/** An open pulse on the inquiry, opened by its facilitator. */
async function withPulse(t: Team): Promise<void> {
  const made = await t.facilitator.client.post(`/api/inquiries/${t.inquiryId}/pulses`, {});
  t.pulseId = made.body.pulse.id;
}

/** Routes with no workspace behind them: open to anyone, or about the caller's own account. */
const NOT_WORKSPACE_SCOPED = new Set([
  'GET /api/hello',
  'GET /api/openapi.json',
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  // Passwords: the reset link is the credential; changing one's own needs a session (password.test.ts).
  'POST /api/auth/password-reset',
  'GET /api/auth/password-reset/:token',
  'POST /api/auth/password-reset/:token',
  'PUT /api/me/password',
  // Single sign-on: public by nature (which providers exist; the redirects to and from the provider),
  // tested in sso.test.ts.
  'GET /api/auth/providers',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'GET /api/me',
  'POST /api/workspaces',
  'POST /api/demo',
  'GET /api/invitations/:token',
  'POST /api/fit-check',
  // The caller's own inbox: there is no one else's to ask for (tested in notifications.test.ts).
  'GET /api/notifications',
  'POST /api/notifications/read',
  'POST /api/invitations/:token/accept',
  // The caller's own API tokens (tested in tokens.test.ts: nobody else's can be listed or revoked).
  'GET /api/me/notification-preferences',
  'PUT /api/me/notification-preferences',
  'GET /api/me/tokens',
  'POST /api/me/tokens',
  'DELETE /api/me/tokens/:tokenId',
  // Hocuspocus: which document is wanted arrives inside the protocol, so access is checked there
  // (server/collab/access.ts) and tested in server/collab/collab.test.ts.
  'GET /api/collab',
  // Creates a workspace from an archive, like POST /api/workspaces: any signed-in person, no workspace yet
  // (tested in archive.test.ts: 409 for a workspace already here, 400 for a damaged archive).
  'POST /api/workspaces/import',
]);

const CASES: Record<string, Case> = {
  'GET /api/workspaces/:workspaceId/domains': {
    path: (t) => `/api/workspaces/${t.workspaceId}/domains`,
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'POST /api/workspaces/:workspaceId/domains': {
    path: (t) => `/api/workspaces/${t.workspaceId}/domains`,
    body: () => ({ domain: 'acme.com', role: 'facilitator' }),
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'DELETE /api/workspaces/:workspaceId/domains/:domainId': {
    path: (t) => `/api/workspaces/${t.workspaceId}/domains/${t.domainId}`,
    allowed: 'owner',
    forbidden: 'facilitator',
    prepare: withDomain,
  },
  'GET /api/workspaces/:workspaceId/archive': {
    path: (t) => `/api/workspaces/${t.workspaceId}/archive`,
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'GET /api/workspaces/:workspaceId/webhooks': {
    path: (t) => `/api/workspaces/${t.workspaceId}/webhooks`,
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'POST /api/workspaces/:workspaceId/webhooks': {
    path: (t) => `/api/workspaces/${t.workspaceId}/webhooks`,
    body: () => ({ url: 'https://hooks.example/colearn', events: ['inquiry.created'] }),
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'PATCH /api/webhooks/:webhookId': {
    path: (t) => `/api/webhooks/${t.webhookId}`,
    body: () => ({ active: false }),
    allowed: 'owner',
    forbidden: 'facilitator',
    prepare: withWebhook,
  },
  'DELETE /api/webhooks/:webhookId': {
    path: (t) => `/api/webhooks/${t.webhookId}`,
    allowed: 'owner',
    forbidden: 'facilitator',
    prepare: withWebhook,
  },
  'GET /api/webhooks/:webhookId/deliveries': {
    path: (t) => `/api/webhooks/${t.webhookId}/deliveries`,
    allowed: 'owner',
    forbidden: 'facilitator',
    prepare: withWebhook,
  },
  'POST /api/webhooks/:webhookId/test': {
    path: (t) => `/api/webhooks/${t.webhookId}/test`,
    allowed: 'owner',
    forbidden: 'member',
    prepare: withWebhook,
  },
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
  'GET /api/inquiries/:inquiryId/conclusion': { path: conclusion, allowed: 'member' },
  'POST /api/inquiries/:inquiryId/conclusion': {
    path: conclusion,
    body: (t) => ({ text: 'Sizing drives returns', restsOn: [t.noteId] }),
    allowed: 'member',
    prepare: (t, server) => setPhase(server, t.inquiryId, 'synthesizing'),
  },
  'POST /api/inquiries/:inquiryId/conclusion/endorse': {
    path: (t) => `${conclusion(t)}/endorse`,
    allowed: 'member',
    prepare: (t, server) => withObjection(t, server, true),
  },
  'POST /api/inquiries/:inquiryId/conclusion/objections': {
    path: (t) => `${conclusion(t)}/objections`,
    body: () => ({ reason: 'Too early to say' }),
    allowed: 'facilitator',
    // Only the inquiry's participants take part in the consent.
    forbidden: 'other',
    prepare: (t, server) => withObjection(t, server),
  },
  'POST /api/inquiries/:inquiryId/conclusion/objections/:objectionId/answer': {
    path: (t) => `${conclusion(t)}/objections/${t.objectionId}/answer`,
    body: () => ({ response: 'We checked two years' }),
    allowed: 'facilitator',
    forbidden: 'other',
    prepare: (t, server) => withObjection(t, server),
  },
  'POST /api/inquiries/:inquiryId/conclusion/objections/:objectionId/withdraw': {
    path: (t) => `${conclusion(t)}/objections/${t.objectionId}/withdraw`,
    allowed: 'member',
    forbidden: 'other',
    prepare: (t, server) => withObjection(t, server),
  },
  'POST /api/inquiries/:inquiryId/conclusion/objections/:objectionId/stand': {
    path: (t) => `${conclusion(t)}/objections/${t.objectionId}/stand`,
    allowed: 'member',
    forbidden: 'other',
    prepare: (t, server) => withObjection(t, server, true),
  },
  'POST /api/inquiries/:inquiryId/conclusion/adopt': {
    path: (t) => `${conclusion(t)}/adopt`,
    allowed: 'facilitator',
    forbidden: 'member',
    prepare: async (t, server) => {
      await server.database.db
        .updateTable('inquiries')
        .set({ mode: 'cooperative' })
        .where('id', '=', t.inquiryId)
        .execute();
      await withObjection(t, server);
    },
  },
  'GET /api/inquiries/:inquiryId/reflections': {
    path: (t) => `/api/inquiries/${t.inquiryId}/reflections`,
    allowed: 'member',
  },
  'PUT /api/inquiries/:inquiryId/reflections/mine': {
    path: (t) => `/api/inquiries/${t.inquiryId}/reflections/mine`,
    body: () => ({ learned: 'a', stillUnclear: 'b', keep: 'c', change: 'd', teachBack: 'e' }),
    allowed: 'member',
    prepare: (t, server) => setPhase(server, t.inquiryId, 'reflecting'),
  },
  'PATCH /api/inquiries/:inquiryId/participants/:userId': {
    path: (t) => `/api/inquiries/${t.inquiryId}/participants/${t.member.id}`,
    body: () => ({ perspective: 'finance' }),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'PUT /api/contributions/:contributionId/acknowledgement': {
    path: (t) => `/api/contributions/${t.noteId}/acknowledgement`,
    allowed: 'other',
  },
  'DELETE /api/contributions/:contributionId/acknowledgement': {
    path: (t) => `/api/contributions/${t.noteId}/acknowledgement`,
    allowed: 'other',
  },
  'GET /api/inquiries/:inquiryId/people': {
    path: (t) => `/api/inquiries/${t.inquiryId}/people`,
    allowed: 'member',
  },
  'GET /api/inquiries/:inquiryId/export': {
    path: (t) => `/api/inquiries/${t.inquiryId}/export?format=json`,
    allowed: 'member',
  },
  'GET /api/workspaces/:workspaceId/library': {
    path: (t) => `/api/workspaces/${t.workspaceId}/library`,
    allowed: 'member',
  },
  'GET /api/workspaces/:workspaceId/search': {
    path: (t) => `/api/workspaces/${t.workspaceId}/search?q=returns`,
    allowed: 'member',
  },
  'GET /api/workspaces/:workspaceId/related': {
    path: (t) => `/api/workspaces/${t.workspaceId}/related?text=returns%20after%20the%20supplier%20change`,
    allowed: 'member',
  },
  'GET /api/inquiries/:inquiryId/card': {
    path: (t) => `/api/inquiries/${t.inquiryId}/card`,
    allowed: 'member',
  },
  'GET /api/inquiries/:inquiryId/commitments': {
    path: (t) => `/api/inquiries/${t.inquiryId}/commitments`,
    allowed: 'member',
  },
  'POST /api/inquiries/:inquiryId/commitments': {
    path: (t) => `/api/inquiries/${t.inquiryId}/commitments`,
    body: (t) => ({ text: 'Draft the new size chart', ownerId: t.member.id, dueDate: '2026-12-15' }),
    allowed: 'member',
  },
  'PATCH /api/commitments/:commitmentId': {
    path: (t) => `/api/commitments/${t.commitmentId}`,
    body: () => ({ status: 'done' }),
    allowed: 'member',
    forbidden: 'other',
    prepare: withCommitment,
  },
  'DELETE /api/commitments/:commitmentId': {
    path: (t) => `/api/commitments/${t.commitmentId}`,
    allowed: 'facilitator',
    forbidden: 'other',
    prepare: withCommitment,
  },
  'GET /api/inquiries/:inquiryId/subtasks': {
    path: (t) => `/api/inquiries/${t.inquiryId}/subtasks`,
    allowed: 'member',
  },
  'POST /api/inquiries/:inquiryId/subtasks': {
    path: (t) => `/api/inquiries/${t.inquiryId}/subtasks`,
    body: (t) => ({ title: 'Interview five lost customers', assigneeId: t.member.id }),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'PATCH /api/subtasks/:subtaskId': {
    path: (t) => `/api/subtasks/${t.subtaskId}`,
    body: () => ({ status: 'done', result: 'Three of five mention sizing.' }),
    allowed: 'member',
    forbidden: 'other',
    prepare: withSubtask,
  },
  'DELETE /api/subtasks/:subtaskId': {
    path: (t) => `/api/subtasks/${t.subtaskId}`,
    allowed: 'facilitator',
    forbidden: 'member',
    prepare: withSubtask,
  },
  'GET /api/inquiries/:inquiryId/help-requests': {
    path: (t) => `/api/inquiries/${t.inquiryId}/help-requests`,
    allowed: 'member',
  },
  'POST /api/inquiries/:inquiryId/help-requests': {
    path: (t) => `/api/inquiries/${t.inquiryId}/help-requests`,
    body: () => ({ body: 'I am stuck on the churn numbers' }),
    allowed: 'member',
  },
  // The person who asked cannot claim or answer their own request.
  'POST /api/help-requests/:helpRequestId/claim': {
    path: (t) => `/api/help-requests/${t.helpRequestId}/claim`,
    allowed: 'other',
    forbidden: 'member',
    prepare: withHelpRequest,
  },
  'POST /api/help-requests/:helpRequestId/answer': {
    path: (t) => `/api/help-requests/${t.helpRequestId}/answer`,
    body: () => ({ answer: 'Filter by order date, not return date.' }),
    allowed: 'facilitator',
    forbidden: 'member',
    prepare: withHelpRequest,
  },
  // Over plain HTTP the live route answers 426 once access is granted; the socket itself is tested in live tests.
  'GET /api/inquiries/:inquiryId/live': {
    path: (t) => `/api/inquiries/${t.inquiryId}/live`,
    allowed: 'member',
    allowedStatus: 426,
  },
  'GET /api/workspaces/:workspaceId/resilience': {
    path: (t) => `/api/workspaces/${t.workspaceId}/resilience`,
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'GET /api/workspaces/:workspaceId/settings': {
    path: (t) => `/api/workspaces/${t.workspaceId}/settings`,
    allowed: 'member',
  },
  'PATCH /api/workspaces/:workspaceId/settings': {
    path: (t) => `/api/workspaces/${t.workspaceId}/settings`,
    body: () => ({ pulseThreshold: 4 }),
    allowed: 'owner',
    forbidden: 'facilitator',
  },
  'POST /api/inquiries/:inquiryId/understanding': {
    path: (t) => `/api/inquiries/${t.inquiryId}/understanding`,
    body: () => ({ stage: 'exploring', items: [{ label: 'Sizing' }, { label: 'Price' }] }),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'GET /api/inquiries/:inquiryId/understanding': {
    path: (t) => `/api/inquiries/${t.inquiryId}/understanding`,
    allowed: 'member',
  },
  // Only the inquiry's participants rank; a workspace member outside it may not.
  'PUT /api/understanding/:checkId/response': {
    path: (t) => `/api/understanding/${t.checkId}/response`,
    body: (t) => ({ ranking: [...(t.checkItemIds ?? [])].reverse(), theory: 'Sizing, then price.' }),
    allowed: 'member',
    forbidden: 'other',
    prepare: withCheck,
  },
  'POST /api/understanding/:checkId/close': {
    path: (t) => `/api/understanding/${t.checkId}/close`,
    allowed: 'facilitator',
    forbidden: 'member',
    prepare: withCheck,
  },
  'POST /api/inquiries/:inquiryId/pulses': {
    path: (t) => `/api/inquiries/${t.inquiryId}/pulses`,
    body: () => ({}),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'POST /api/workspaces/:workspaceId/pulses': {
    path: (t) => `/api/workspaces/${t.workspaceId}/pulses`,
    body: () => ({}),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'GET /api/inquiries/:inquiryId/pulses': {
    path: (t) => `/api/inquiries/${t.inquiryId}/pulses`,
    allowed: 'member',
  },
  'GET /api/workspaces/:workspaceId/pulses': {
    path: (t) => `/api/workspaces/${t.workspaceId}/pulses`,
    allowed: 'member',
  },
  // An inquiry pulse is answered by its participants only.
  'POST /api/pulses/:pulseId/responses': {
    path: (t) => `/api/pulses/${t.pulseId}/responses`,
    body: () => ({ answers: [2, 6, 2, 6, 2, 6, 6] }),
    allowed: 'member',
    forbidden: 'other',
    prepare: withPulse,
  },
  'POST /api/pulses/:pulseId/close': {
    path: (t) => `/api/pulses/${t.pulseId}/close`,
    allowed: 'facilitator',
    forbidden: 'member',
    prepare: withPulse,
  },
  'GET /api/pulses/:pulseId/results': {
    path: (t) => `/api/pulses/${t.pulseId}/results`,
    allowed: 'member',
    prepare: withPulse,
  },
  'DELETE /api/links/:linkId': {
    path: (t) => `/api/links/${t.linkId}`,
    allowed: 'member',
    forbidden: 'other',
  },
  // The facilitator's console (#5).
  'GET /api/inquiries/:inquiryId/insights': {
    path: (t) => `/api/inquiries/${t.inquiryId}/insights`,
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'POST /api/inquiries/:inquiryId/insights/ask': {
    path: (t) => `/api/inquiries/${t.inquiryId}/insights/ask`,
    // The member's hypothesis rests on no evidence, and with a threshold of 0 that is a finding at once.
    body: (t) => ({ findingId: `unsupported_hypothesis:${t.noteId}` }),
    allowed: 'facilitator',
    forbidden: 'member',
    prepare: async (t) => {
      await t.owner.client.put(`/api/workspaces/${t.workspaceId}/insight-settings`, {
        unsupportedHypothesisMinutes: 0,
      });
    },
  },
  'GET /api/workspaces/:workspaceId/prompts': {
    path: (t) => `/api/workspaces/${t.workspaceId}/prompts`,
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'PUT /api/workspaces/:workspaceId/prompts/:promptId': {
    path: (t) => `/api/workspaces/${t.workspaceId}/prompts/${t.promptId}`,
    body: () => ({ text: 'Who sees this differently?', addressedTo: 'group' }),
    allowed: 'facilitator',
    forbidden: 'member',
    prepare: async (t) => {
      t.promptId = (await t.owner.client.get(`/api/workspaces/${t.workspaceId}/prompts`)).body.items[0].id;
    },
  },
  'POST /api/workspaces/:workspaceId/prompts/reset': {
    path: (t) => `/api/workspaces/${t.workspaceId}/prompts/reset`,
    body: () => ({}),
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'GET /api/workspaces/:workspaceId/insight-settings': {
    path: (t) => `/api/workspaces/${t.workspaceId}/insight-settings`,
    allowed: 'facilitator',
    forbidden: 'member',
  },
  'PUT /api/workspaces/:workspaceId/insight-settings': {
    path: (t) => `/api/workspaces/${t.workspaceId}/insight-settings`,
    body: () => ({ dominantVoiceShare: 0.6 }),
    allowed: 'owner',
    forbidden: 'facilitator',
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
      await c.prepare?.(t, server);
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
