/**
 * Routes that exist only in the internal build. The public build ships aggregates only, so a page
 * whose purpose is to query the beneficiary microdata has nothing to show there: its prerendered
 * file is removed and the navigation leaves it out.
 */
export const INTERNAL_ROUTES: readonly string[] = ['/sql'];

/** Is `path` (without base, e.g. '/sql/x') one of the internal routes or below one? */
export function isInternalRoute(path: string): boolean {
  return INTERNAL_ROUTES.some((r) => path === r || path.startsWith(`${r}/`));
}
