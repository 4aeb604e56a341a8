/**
 * The main pages every cross-cutting test (security, accessibility, robustness) walks through.
 * Pages are built by different features; a test iterates over the ones this build actually has,
 * so the list is complete once every branch is merged and nothing is skipped before that.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILD_DIR = fileURLToPath(new URL('../../build', import.meta.url));

export const MAIN_ROUTES = ['/', '/peta', '/program', '/layanan', '/upt', '/dampak', '/wilayah', '/data', '/sql', '/infografis'] as const;

/** Pages below the main routes that publishing adds (a region set and an embedded card). */
export const PUBLISH_ROUTES = ['/infografis/3578', '/infografis/embed/peta?kode=3501'] as const;

const htmlFile = (route: string) => {
  const path = route.split('?')[0];
  return join(BUILD_DIR, path === '/' ? 'index.html' : `${path}.html`);
};

/** The routes of `list` that exist in the built site. */
export function builtRoutes(list: readonly string[]): string[] {
  return list.filter((r) => existsSync(htmlFile(r)));
}

/** Main routes plus the publishing pages, as far as they are built. */
export const ROUTES = builtRoutes([...MAIN_ROUTES, ...PUBLISH_ROUTES]);
