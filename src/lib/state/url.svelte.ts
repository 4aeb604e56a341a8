/** Svelte glue for URL params: read from the current page, write with history (back/forward work). */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { readParam, withParams, type ParamSpec } from './params';

export function param<T>(spec: ParamSpec<T>) {
  return readParam(page.url.searchParams, spec);
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
