import { describe, expect, it } from 'vitest';
import {
  domainProblem,
  emailDomain,
  emailRefused,
  emailTrusted,
  normalizeDomain,
  safeReturnTo,
} from './sso.js';

describe('sign-in domains', () => {
  it('accepts real domain names and refuses the rest', () => {
    for (const ok of ['acme.com', 'eu.acme.co.uk', 'xn--bcher-kva.example', 'a-b.io', '3m.com']) {
      expect(domainProblem(ok), ok).toBeNull();
    }
    for (const bad of [
      'acme',
      'localhost',
      '10.0.0.1',
      'a..com',
      '-acme.com',
      'acme-.com',
      'ac_me.com',
      'acme.com/x',
      '',
    ]) {
      expect(domainProblem(bad), bad).not.toBeNull();
    }
    expect(
      domainProblem(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`),
    ).not.toBeNull();
    expect(domainProblem(`${'a'.repeat(64)}.com`)).not.toBeNull();
  });

  it('normalises what people type', () => {
    expect(normalizeDomain('  @Acme.COM. ')).toBe('acme.com');
  });

  it("reads an address's domain", () => {
    expect(emailDomain('Ann@Acme.com')).toBe('acme.com');
    expect(emailDomain('a@b@eu.acme.com')).toBe('eu.acme.com');
    expect(emailDomain('acme.com')).toBeNull();
    expect(emailDomain('ann@')).toBeNull();
  });
});

describe('e-mail verification', () => {
  it('trusts true, distrusts false, and trusts an absent claim only when told to', () => {
    expect(emailTrusted(true, false)).toBe(true);
    expect(emailTrusted('true', false)).toBe(true);
    expect(emailTrusted(false, true)).toBe(false);
    expect(emailTrusted(undefined, false)).toBe(false);
    expect(emailTrusted(undefined, true)).toBe(true);
    expect(emailTrusted('yes', true)).toBe(false);
    expect(emailRefused(false)).toBe(true);
    expect(emailRefused(undefined)).toBe(false);
  });
});

describe('where to go after signing in', () => {
  it('keeps paths on this site and nothing else', () => {
    expect(safeReturnTo('/w/1/inquiries/2?tab=map#n')).toBe('/w/1/inquiries/2?tab=map#n');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'evil',
      '/\t/evil.example',
      '/a\\b',
      undefined,
      3,
    ]) {
      expect(safeReturnTo(bad), String(bad)).toBe('/');
    }
    expect(safeReturnTo(`/${'a'.repeat(2000)}`)).toBe('/');
  });
});
