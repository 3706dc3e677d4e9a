// Webhook rules that need no I/O: what a Slack message says and what exactly is signed (retries: retry.ts).

export { MAX_ATTEMPTS, nextAttemptDelayMs } from './retry.js';

/** The signed string: the timestamp, a dot, and the exact body, so a replayed body with a new time fails. */
export const signedContent = (timestamp: number, body: string) => `${timestamp}.${body}`;

export interface WebhookEventBody {
  event: string;
  workspace: { id: string; name: string };
  inquiry?: { id: string; title: string; phase: string; url: string | null };
  [key: string]: unknown;
}

/** One line a person reads in a Slack channel (Slack's `text` takes mrkdwn; <url|label> is a link). */
export function slackText(body: WebhookEventBody): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inquiry = body.inquiry
    ? body.inquiry.url
      ? `<${body.inquiry.url}|${escape(body.inquiry.title)}>`
      : `*${escape(body.inquiry.title)}*`
    : '';
  const where = `(${escape(body.workspace.name)})`;
  switch (body.event) {
    case 'inquiry.created':
      return `New inquiry ${inquiry} ${where}`;
    case 'contribution.created': {
      const c = body.contribution as { kind: string; author: { name: string } | null; excerpt: string };
      const article = /^[aeiou]/.test(c.kind) ? 'an' : 'a';
      return `${c.author ? escape(c.author.name) : 'Someone (anonymous)'} added ${article} ${c.kind} to ${inquiry}: “${escape(c.excerpt)}”`;
    }
    case 'inquiry.phase_changed':
      return `${inquiry} moved from ${String(body.from)} to ${String(body.to)} ${where}`;
    case 'conclusion.adopted':
      return `${inquiry} reached a conclusion: “${escape(String((body.conclusion as { excerpt: string }).excerpt))}”`;
    case 'ping':
      return `Colearn test message for ${where}: this webhook works.`;
    default:
      return `${body.event} ${inquiry} ${where}`;
  }
}
