import { describe, expect, it } from 'vitest';
import { checkLink, type LinkEnd } from './links.js';

const q: LinkEnd = { id: 'q', inquiryId: 'i1', kind: 'question' };
const h: LinkEnd = { id: 'h', inquiryId: 'i1', kind: 'hypothesis' };
const e: LinkEnd = { id: 'e', inquiryId: 'i1', kind: 'evidence' };
const elsewhere: LinkEnd = { id: 'z', inquiryId: 'i2', kind: 'idea' };

describe('checkLink', () => {
  it('accepts a link between two notes of one inquiry', () => {
    expect(checkLink(e, h, 'supports', [])).toBeNull();
    expect(checkLink(h, q, 'answers', [])).toBeNull();
  });
  it('refuses a self-link', () => {
    expect(checkLink(h, h, 'builds_on', [])?.code).toBe('self_link');
  });
  it('refuses a link across inquiries', () => {
    expect(checkLink(h, elsewhere, 'builds_on', [])?.code).toBe('cross_inquiry');
  });
  it('only answers questions', () => {
    expect(checkLink(e, h, 'answers', [])?.code).toBe('answers_non_question');
  });
  it('refuses a duplicate, but allows another kind or the other direction', () => {
    const existing = [{ fromId: 'e', toId: 'h', kind: 'supports' as const }];
    expect(checkLink(e, h, 'supports', existing)?.code).toBe('duplicate');
    expect(checkLink(e, h, 'challenges', existing)).toBeNull();
    expect(checkLink(h, e, 'supports', existing)).toBeNull();
  });
});
