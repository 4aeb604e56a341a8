/**
 * Which ECharts renderer a page's charts draw with. SVG by default: prerendered pages carry SVG in
 * their HTML and hydrate into the same. A page whose charts change on every click (the programme
 * page's cross-filter) draws on canvas: a canvas redraw skips the SVG DOM patching, style and
 * layout work (about a quarter of a cross-filter update, measured with `npm run bench`).
 * Downloads are SVG either way (Chart.svelte renders the option again with the SVG renderer).
 */
import { getContext, setContext } from 'svelte';

export type Renderer = 'svg' | 'canvas';
const KEY = Symbol('chart-renderer');

/** Call in a page or layout component: every chart below it draws on canvas. */
export const useCanvasCharts = (): void => void setContext(KEY, 'canvas' satisfies Renderer);

/** The renderer for a chart created in this component's tree. */
export const chartRenderer = (): Renderer => getContext<Renderer | undefined>(KEY) ?? 'svg';
