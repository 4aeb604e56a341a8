/**
 * Server hooks run only while pages are prerendered (the site is static): they give the
 * prerendered leadership pages the snapshot on disk and the chart renderer, and put DuckDB's early
 * start (db/prestart.js) into the HTML of the pages that query. None of it reaches the browser
 * bundle.
 */
import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import prestartScript from '$lib/db/prestart.js?url';
import { bootScript, duckdbWasm, duckdbWorkerScript } from '$lib/db/wasm';
import { PRESTART_ROUTES, prestartTag, withPrestart } from '$lib/db/prestart-tag';
import { installSvgRenderer } from '$lib/charts/ssr';
import { installServerFiles } from '$lib/rollup/source';
import { initServerEcharts, renderSvg } from '$lib/server/echarts';
import { readLeadershipFiles } from '$lib/server/snapshot';

export const init: ServerInit = async () => {
  await initServerEcharts();
  installSvgRenderer(renderSvg);
  installServerFiles(readLeadershipFiles);
};

export const handle: Handle = ({ event, resolve }) => {
  // Only in the built site: the dev server serves the module and the script from different folders.
  if (!building || !event.route.id || !PRESTART_ROUTES.includes(event.route.id)) return resolve(event);
  const tag = prestartTag(event.url.pathname, prestartScript, { wasm: duckdbWasm, boot: bootScript, worker: duckdbWorkerScript });
  return resolve(event, { transformPageChunk: ({ html }) => (html.includes('</head>') ? withPrestart(html, tag) : html) });
};
