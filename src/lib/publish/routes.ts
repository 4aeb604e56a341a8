/**
 * Routes that exist only in the internal build. The public build ships aggregates only, so a page
 * whose purpose is to query microdata (beneficiaries, e-JSC cases) has nothing to show there: its
 * prerendered file is removed and the navigation leaves it out. (/upt stays: it reads the units'
 * public record, monthly unit totals and the published case aggregate.)
 */
export const INTERNAL_ROUTES: readonly string[] = ['/sql', '/layanan'];

/** Is `path` (without base, e.g. '/sql/x') one of the internal routes or below one? */
export function isInternalRoute(path: string): boolean {
  return INTERNAL_ROUTES.some((r) => path === r || path.startsWith(`${r}/`));
}
