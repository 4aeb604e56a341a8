/**
 * Routes that exist only in the internal build. The public build ships aggregates only, so a page
 * whose purpose is to query microdata (beneficiaries, e-JSC cases) has nothing to show there: its
 * prerendered file is removed and the navigation leaves it out. /upt and its unit pages are internal
 * too: they are built on the monthly unit services (layanan_upt), which the public build leaves out
 * (NOT_PUBLISHED in stage.ts says why).
 */
export const INTERNAL_ROUTES: readonly string[] = ['/sql', '/layanan', '/upt'];

/** Is `path` (without base, e.g. '/sql/x') one of the internal routes or below one? */
export function isInternalRoute(path: string): boolean {
  return INTERNAL_ROUTES.some((r) => path === r || path.startsWith(`${r}/`));
}
