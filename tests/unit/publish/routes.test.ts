import { describe, expect, it } from 'vitest';
import { INTERNAL_ROUTES, isInternalRoute } from '../../../src/lib/publish/routes';

describe('internal-only routes of the public build', () => {
  it('covers the SQL workbench, the e-JSC case page, the unit pages (built on layanan_upt) and their sub-pages, nothing else', () => {
    expect(INTERNAL_ROUTES).toContain('/sql');
    expect(isInternalRoute('/layanan')).toBe(true);
    expect(isInternalRoute('/upt')).toBe(true);
    expect(isInternalRoute('/upt/pstw-jember')).toBe(true);
    expect(isInternalRoute('/sql')).toBe(true);
    expect(isInternalRoute('/sql/contoh')).toBe(true);
    for (const p of ['/', '/sqlx', '/data', '/infografis', '/program/pkh_plus', '/wilayah/3501', '/uptx', '/layananx'])
      expect(isInternalRoute(p), p).toBe(false);
  });
});
