import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptDelayMs, signedContent, slackText } from './webhooks.js';

describe('webhook retries', () => {
  it('backs off 1, 4, 20, 120 and 720 times the base, then gives up', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => nextAttemptDelayMs(n, 1000, mid))).toEqual([
      1000, 4000, 20000, 120000, 720000,
    ]);
    expect(nextAttemptDelayMs(MAX_ATTEMPTS, 1000, mid)).toBeNull();
  });

  it('spreads retries by at most a fifth either way', () => {
    expect(nextAttemptDelayMs(1, 1000, () => 0)).toBe(800);
    expect(nextAttemptDelayMs(1, 1000, () => 0.999999)).toBe(1200);
  });
});

describe('what is signed and said', () => {
  it('signs the timestamp and the exact body', () => {
    expect(signedContent(1700000000, '{"a":1}')).toBe('1700000000.{"a":1}');
  });

  const base = {
    workspace: { id: 'w', name: 'Aurora <Outdoor>' },
    inquiry: { id: 'i', title: 'Returns & sizing', phase: 'exploring', url: 'https://colearn.example/i/i' },
  };

  it('writes a Slack line with a link and escapes what people typed', () => {
    expect(slackText({ ...base, event: 'inquiry.phase_changed', from: 'exploring', to: 'challenging' })).toBe(
      '<https://colearn.example/i/i|Returns &amp; sizing> moved from exploring to challenging (Aurora &lt;Outdoor&gt;)',
    );
  });

  it('never names the author of an anonymous note', () => {
    const text = slackText({
      ...base,
      event: 'contribution.created',
      contribution: { kind: 'assumption', author: null, excerpt: 'Nobody reads the size chart' },
    });
    expect(text.startsWith('Someone (anonymous) added an assumption to <https://colearn.example/i/i|')).toBe(
      true,
    );
    expect(text).toContain('“Nobody reads the size chart”');
  });
});
