/** Svelte glue for URL params: read from the current page, write with history (back/forward work). */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { readParam, withParams, type ParamSpec } from './params';

/** Set by the root layout once the app is mounted (hydration is over). */
export const shell = $state({ mounted: false });

const NONE = new URLSearchParams();

/**
 * The page's query parameters. A prerendered page was rendered without any (its HTML shows the
 * defaults), so it is hydrated without them too and takes them up once mounted.
 */
function searchParams(): URLSearchParams {
  if (!browser) return NONE;
  if (page.data?.prerendered && !shell.mounted) return NONE;
  return page.url.searchParams;
}

export function param<T>(spec: ParamSpec<T>) {
  return readParam(searchParams(), spec);
}

/** Navigate to the same page with updated params; `replace` for continuous changes (e.g. play). */
export function setParams(updates: Record<string, string | number | null | undefined>, opts: { replace?: boolean } = {}): Promise<void> {
  const next = withParams(page.url.searchParams, updates);
  const q = next.toString();
  return goto(`${page.url.pathname}${q ? `?${q}` : ''}${page.url.hash}`, {
    replaceState: opts.replace ?? false,
    keepFocus: true,
    noScroll: true
  });
}
