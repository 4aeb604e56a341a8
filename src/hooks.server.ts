/**
 * Server hooks run only while pages are prerendered (the site is static): they give the
 * prerendered leadership pages the snapshot on disk and the chart renderer. Neither reaches the
 * browser bundle.
 */
import type { ServerInit } from '@sveltejs/kit';
import { installSvgRenderer } from '$lib/charts/ssr';
import { installServerFiles } from '$lib/rollup/source';
import { initServerEcharts, renderSvg } from '$lib/server/echarts';
import { readLeadershipFiles } from '$lib/server/snapshot';

export const init: ServerInit = async () => {
  await initServerEcharts();
  installSvgRenderer(renderSvg);
  installServerFiles(readLeadershipFiles);
};
