import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { signedContent, slackText, type WebhookEventBody } from '../../domain/webhooks.js';
import { isPublicAddress, PrivateAddressError, publicOnlyLookup } from './address.js';

// One HTTP attempt at a receiver: the body rendered in the webhook's format, signed, sent with a timeout,
// through a lookup that refuses private addresses unless the instance allows them.

export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  publicUrl: string | null;
}

export interface Attempt {
  statusCode: number | null;
  error: string | null;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(signedContent(timestamp, body)).digest('hex')}`;
}

/** The bytes sent: the stored event with links filled in, as JSON or as a Slack message. */
export function render(payload: string, format: 'json' | 'slack', publicUrl: string | null): string {
  const body = JSON.parse(payload) as WebhookEventBody;
  if (body.inquiry && publicUrl) body.inquiry.url = new URL(`/i/${body.inquiry.id}`, publicUrl).toString();
  return JSON.stringify(format === 'slack' ? { text: slackText(body) } : body);
}

export function sendOnce(
  hook: { url: string; secret: string; format: 'json' | 'slack' },
  delivery: { id: string; event: string; payload: string },
  options: SendOptions,
): Promise<Attempt> {
  const body = render(delivery.payload, hook.format, options.publicUrl);
  const timestamp = Math.floor(Date.now() / 1000);
  const url = new URL(hook.url);
  // An address written as an IP is never looked up, so the lookup's check does not see it: check it here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(literal) && !isPublicAddress(literal)) {
    return Promise.resolve({ statusCode: null, error: new PrivateAddressError(literal).message });
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        timeout: options.timeoutMs,
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Colearn-Webhooks/1',
          'x-colearn-event': delivery.event,
          'x-colearn-delivery': delivery.id,
          'x-colearn-timestamp': String(timestamp),
          'x-colearn-signature': signature(hook.secret, timestamp, body),
        },
      },
      (response) => {
        response.resume(); // the receiver's answer is not kept, only its status
        response.on('end', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
        response.on('error', (e) => resolve({ statusCode: response.statusCode ?? null, error: e.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (e) => resolve({ statusCode: null, error: e.message }));
    request.end(body);
  });
}
