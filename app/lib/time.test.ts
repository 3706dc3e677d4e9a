import { describe, expect, it } from 'vitest';
import { safeNext } from './forms.js';
import { relativeTime } from './time.js';

describe('relativeTime', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('says just now, minutes, hours and days, past and future', () => {
    expect(relativeTime('2025-06-01T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2025-06-01T11:55:00Z', now)).toMatch(/5 minutes ago/);
    expect(relativeTime('2025-06-01T09:00:00Z', now)).toMatch(/3 hours ago/);
    expect(relativeTime('2025-05-31T12:00:00Z', now)).toMatch(/yesterday|1 day ago/);
    expect(relativeTime('2025-06-15T12:00:00Z', now)).toMatch(/in 2 weeks/);
    expect(relativeTime('not a date', now)).toBe('');
  });
});

describe('safeNext', () => {
  it('only allows paths on this site', () => {
    expect(safeNext('/invite/abc')).toBe('/invite/abc');
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
