import { describe, expect, it } from 'vitest';
import { HUB_URL_MAX_LENGTH, checkHubUrl, hubHealthUrl } from '../../../shared/domain/hub-url.js';

describe('hub URL', () => {
  it.each([
    ['https://hub.town.example.lg.jp', 'https://hub.town.example.lg.jp'],
    ['https://hub.town.example.lg.jp/', 'https://hub.town.example.lg.jp'],
    ['  http://10.1.2.3:4317/kamiless//  ', 'http://10.1.2.3:4317/kamiless'],
    ['HTTPS://Hub.Example.JP:443/', 'https://hub.example.jp'],
    ['http://hub.example.jp:80/', 'http://hub.example.jp'],
    ['https://hub.example.jp/#/inbox', 'https://hub.example.jp'],
    ['https://hub.example.jp/?x=1', 'https://hub.example.jp'],
    ['http://[::1]:4317', 'http://[::1]:4317'],
  ])('accepts %j as %j', (input, hubUrl) => {
    expect(checkHubUrl(input)).toEqual({ ok: true, hubUrl });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hub.example.jp', 'not_a_url'],
    ['https://', 'not_a_url'],
    ['http://exa mple.jp', 'not_a_url'],
    ['javascript:alert(1)', 'not_http'],
    ['file:///etc/passwd', 'not_http'],
    ['ftp://hub.example.jp', 'not_http'],
    ['app://kamiless/', 'not_http'],
    ['https://user:pass@hub.example.jp', 'credentials'],
    ['https://user@hub.example.jp', 'credentials'],
    ['https://:secret@hub.example.jp', 'credentials'],
    [`https://hub.example.jp/${'a'.repeat(HUB_URL_MAX_LENGTH)}`, 'too_long'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(checkHubUrl(input)).toEqual({ ok: false, problem });
  });

  it('accepts an address of exactly the maximum length', () => {
    const base = 'https://hub.example.jp/';
    const input = base + 'a'.repeat(HUB_URL_MAX_LENGTH - base.length);
    expect(input).toHaveLength(HUB_URL_MAX_LENGTH);
    expect(checkHubUrl(input).ok).toBe(true);
  });

  it.each([undefined, null, 42, {}, ['https://hub.example.jp']])('refuses the non-string %j', (input) => {
    expect(checkHubUrl(input)).toEqual({ ok: false, problem: 'not_a_url' });
  });

  it('builds the health address under the hub path', () => {
    expect(hubHealthUrl('https://hub.example.jp')).toBe('https://hub.example.jp/api/health');
    expect(hubHealthUrl('http://10.1.2.3:4317/kamiless')).toBe('http://10.1.2.3:4317/kamiless/api/health');
  });
});
