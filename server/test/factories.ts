import type { Role } from '../../domain/model.js';
import { Client, type TestServer } from './server.js';

// Builders for test data: each call makes new people and things, never shared fixtures.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface Person {
  client: Client;
  id: string;
  email: string;
  name: string;
}

export async function signUp(server: TestServer, name = 'Person'): Promise<Person> {
  const client = new Client(server);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@example.com`;
  const reply = await client.post('/api/auth/signup', { email, name, password: 'correct horse battery' });
  if (reply.status !== 201) throw new Error(`signup failed: ${JSON.stringify(reply.body)}`);
  return { client, id: reply.body.user.id, email, name };
}

export async function createWorkspace(owner: Person, name = 'Acme'): Promise<string> {
  const reply = await owner.client.post('/api/workspaces', { name });
  if (reply.status !== 201) throw new Error(`workspace failed: ${JSON.stringify(reply.body)}`);
  return reply.body.workspace.id;
}

/** Invites and accepts: `person` joins the workspace with `role`. */
export async function join(inviter: Person, workspaceId: string, person: Person, role: Role): Promise<void> {
  const invite = await inviter.client.post(`/api/workspaces/${workspaceId}/invitations`, {
    email: person.email,
    role,
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const accept = await person.client.post(`/api/invitations/${invite.body.invitation.token}/accept`);
  if (accept.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accept.body)}`);
}

export async function createInquiry(
  facilitator: Person,
  workspaceId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const reply = await facilitator.client.post(`/api/workspaces/${workspaceId}/inquiries`, {
    title: 'Aurora churn',
    question: 'Why is the Aurora product line losing customers?',
    allowAnonymous: true,
    ...extra,
  });
  if (reply.status !== 201) throw new Error(`inquiry failed: ${JSON.stringify(reply.body)}`);
  return reply.body.inquiry.id;
}

export async function contribute(
  person: Person,
  inquiryId: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; [key: string]: unknown }> {
  const reply = await person.client.post(`/api/inquiries/${inquiryId}/contributions`, {
    kind: 'hypothesis',
    body: 'Returns went up after the supplier change.',
    ...body,
  });
  if (reply.status !== 201) throw new Error(`contribution failed: ${JSON.stringify(reply.body)}`);
  return reply.body.contribution;
}

/** A workspace with one person of each role, an outsider in another workspace, an inquiry and a note. */
export async function createTeam(server: TestServer) {
  const [owner, facilitator, member, outsider] = await Promise.all([
    signUp(server, 'Olivia Owner'),
    signUp(server, 'Fred Facilitator'),
    signUp(server, 'Mia Member'),
    signUp(server, 'Oscar Outsider'),
  ]);
  const workspaceId = await createWorkspace(owner);
  await join(owner, workspaceId, facilitator, 'facilitator');
  await join(owner, workspaceId, member, 'member');
  const outsiderWorkspaceId = await createWorkspace(outsider, 'Elsewhere Ltd');
  const inquiryId = await createInquiry(facilitator, workspaceId, { participantIds: [member.id] });
  const note = await contribute(member, inquiryId);
  return {
    owner,
    facilitator,
    member,
    outsider,
    workspaceId,
    outsiderWorkspaceId,
    inquiryId,
    noteId: note.id,
  };
}
