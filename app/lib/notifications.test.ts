import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../domain/model.js';
import { notificationHref, notificationText } from './notifications.js';

const base = {
  actor: { id: 'u1', name: 'Maya Lindqvist' },
  workspaceId: 'w1',
  inquiryId: 'i1',
  subjectId: 's1',
};

describe('the inbox in plain words', () => {
  it('names who did what, and never an anonymous author', () => {
    expect(notificationText({ ...base, kind: 'mention' })).toBe('Maya Lindqvist mentioned you');
    expect(notificationText({ ...base, kind: 'reply', actor: null })).toBe(
      'Someone (anonymous) replied to your note',
    );
    for (const kind of NOTIFICATION_KINDS) expect(notificationText({ ...base, kind })).toMatch(/^Maya/);
  });

  it('opens the note, the help request or the board', () => {
    expect(notificationHref({ ...base, kind: 'mention' })).toBe('/i/i1?note=s1');
    expect(notificationHref({ ...base, kind: 'reply' })).toBe('/i/i1?note=s1');
    expect(notificationHref({ ...base, kind: 'help_answered' })).toBe('/i/i1?help=s1');
    expect(notificationHref({ ...base, kind: 'help_request' })).toBe('/i/i1?help=s1');
    expect(notificationHref({ ...base, kind: 'phase_changed', subjectId: null })).toBe('/i/i1');
    expect(notificationHref({ ...base, kind: 'consent_needed' })).toBe('/i/i1');
    expect(notificationHref({ ...base, kind: 'mention', inquiryId: null })).toBeNull();
    expect(notificationHref({ ...base, kind: 'pulse_open' })).toBe('/i/i1?pulse=s1');
    expect(notificationHref({ ...base, kind: 'pulse_open', inquiryId: null })).toBe('/w/w1?pulse=s1');
  });
});
