import { describe, expect, it } from 'vitest';
import { hasAnyRole } from '../../../renderer/auth/access.js';
import { HOME_PATH, safeTarget } from '../../../renderer/auth/redirect.js';
import { visibleNav } from '../../../renderer/layout/navigation.js';

const keys = (roles: Parameters<typeof visibleNav>[0]) => visibleNav(roles).map((e) => e.key);

describe('visibleNav', () => {
  it('shows a clerk neither 管理 nor the DX pages', () => {
    expect(keys(['clerk'])).toEqual(['inbox', 'draft', 'search']);
  });

  it('shows the DX office the paper and log pages', () => {
    expect(keys(['dx'])).toEqual(['inbox', 'draft', 'search', 'paper', 'logs']);
  });

  it('shows an administrator everything', () => {
    expect(keys(['admin'])).toEqual(['inbox', 'draft', 'search', 'archive', 'paper', 'logs', 'admin']);
    expect(keys(['clerk', 'admin'])).toContain('admin');
  });
});

describe('visibleNav for managers', () => {
  it('adds 保存・廃棄 for a manager, whatever their roles', () => {
    expect(visibleNav(['clerk'], { manager: true }).map((e) => e.key)).toEqual(['inbox', 'draft', 'search', 'archive']);
    expect(visibleNav(['clerk'], { manager: false }).map((e) => e.key)).not.toContain('archive');
  });
});

describe('hasAnyRole', () => {
  it('needs one of the allowed roles', () => {
    expect(hasAnyRole(['clerk', 'dx'], ['dx', 'admin'])).toBe(true);
    expect(hasAnyRole(['clerk'], ['admin'])).toBe(false);
    expect(hasAnyRole([], ['admin'])).toBe(false);
  });
});

describe('safeTarget', () => {
  it('returns to a path inside the app', () => {
    expect(safeTarget({ from: '/admin/users?q=yamada' })).toBe('/admin/users?q=yamada');
  });

  it('goes home otherwise', () => {
    expect(safeTarget(null)).toBe(HOME_PATH);
    expect(safeTarget({ from: '/' })).toBe(HOME_PATH);
    expect(safeTarget({ from: 'https://evil.example/' })).toBe(HOME_PATH);
    expect(safeTarget({ from: '//evil.example/' })).toBe(HOME_PATH);
    expect(safeTarget({ from: '/login' })).toBe(HOME_PATH);
    expect(safeTarget({ from: 42 })).toBe(HOME_PATH);
  });
});
