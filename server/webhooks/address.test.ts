import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './address.js';

describe('public addresses only', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // cloud metadata
    ['100.64.0.1', false], // carrier-grade NAT
    ['0.0.0.0', false],
    ['::1', false],
    ['fc00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false], // loopback in IPv6 clothing
    ['not an address', false],
    ['93.184.216.34', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:93.184.216.34', true],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
