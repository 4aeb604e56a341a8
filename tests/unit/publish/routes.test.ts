import { describe, expect, it } from 'vitest';
import { INTERNAL_ROUTES, isInternalRoute } from '../../../src/lib/publish/routes';

describe('internal-only routes of the public build', () => {
  it('covers the SQL workbench, the e-JSC case page and their sub-pages, nothing else', () => {
    expect(INTERNAL_ROUTES).toContain('/sql');
    expect(isInternalRoute('/layanan')).toBe(true);
    expect(isInternalRoute('/sql')).toBe(true);
    expect(isInternalRoute('/sql/contoh')).toBe(true);
    for (const p of ['/', '/sqlx', '/data', '/infografis', '/program/pkh_plus', '/wilayah/3501', '/upt', '/upt/pstw-jember', '/layananx'])
      expect(isInternalRoute(p), p).toBe(false);
  });
});
