import { describe, expect, it } from 'vitest';
import { composeDigest, type DigestItem, digestDue } from './digest.js';

const links = {
  inquiry: (id: string) => `https://colearn.example/i/${id}`,
  inbox: 'https://colearn.example/',
  preferences: 'https://colearn.example/account/notifications',
};

const item = (over: Partial<DigestItem>): DigestItem => ({
  kind: 'mention',
  inquiryId: 'i1',
  inquiryTitle: 'Returns',
  workspaceName: 'Aurora',
  summary: 'Maya mentioned you',
  createdAt: '2026-11-28T10:00:00.000Z',
  ...over,
});

describe('digest timing', () => {
  const last = '2026-11-28T10:00:00.000Z';
  it.each([
    ['off', '2026-12-05T10:00:00.000Z', false],
    ['hourly', '2026-11-28T10:59:59.000Z', false],
    ['hourly', '2026-11-28T11:00:00.000Z', true],
    ['daily', '2026-11-29T09:59:00.000Z', false],
    ['daily', '2026-11-29T10:00:00.000Z', true],
  ] as const)('%s, at %s → %s', (frequency, at, due) => {
    expect(digestDue(frequency, last, new Date(at))).toBe(due);
  });
});

describe('digest mail', () => {
  it('groups everything by inquiry in one mail and counts it in the subject', () => {
    const mail = composeDigest(
      { name: 'Sam' },
      [
        item({ summary: 'Maya mentioned you: check the March data', createdAt: '2026-11-28T10:05:00.000Z' }),
        item({
          kind: 'phase_changed',
          summary: 'Returns: now challenging',
          createdAt: '2026-11-28T10:01:00.000Z',
        }),
        item({ inquiryId: 'i2', inquiryTitle: 'Pricing', kind: 'mention', summary: 'Lee mentioned you' }),
        item({ kind: 'consent_needed', inquiryId: null, inquiryTitle: null, summary: 'A conclusion waits' }),
      ],
      links,
    );
    expect(mail.subject).toBe('Colearn: 2 mentions, 1 phase change, 1 conclusion waiting for your consent');
    expect(mail.text).toContain(
      [
        'Returns (Aurora)',
        '  - Returns: now challenging',
        '  - Maya mentioned you: check the March data',
        '  https://colearn.example/i/i1',
      ].join('\n'),
    );
    expect(mail.text).toContain('Pricing (Aurora)\n  - Lee mentioned you\n  https://colearn.example/i/i2');
    expect(mail.text).toContain('Aurora\n  - A conclusion waits');
    expect(mail.text).toContain('https://colearn.example/account/notifications');
  });
});
