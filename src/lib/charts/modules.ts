/**
 * ECharts on demand: the core and a renderer are loaded when a chart first draws in the
 * browser, and of the chart types and components only those an option names (one small chunk
 * each, see ./modules/). A page that draws a line chart never downloads the map, the brush or the
 * heatmap; a prerendered page that is only read downloads none of it. Prerendering registers
 * everything on the server (src/lib/server/echarts.ts), so this only runs in the browser.
 */
import type { EChartsOption } from 'echarts';
import type * as Core from './echarts';
import { attachMaps } from './maps';
import type { Renderer } from './renderer';

type Echarts = typeof Core.echarts;
type Installers = Parameters<Echarts['use']>[0];
type Loader = () => Promise<{ default: Installers }>;

/** One chunk each (./modules/<name>.ts). */
const LOADERS = {
  line: () => import('./modules/line'),
  bar: () => import('./modules/bar'),
  map: () => import('./modules/map'),
  scatter: () => import('./modules/scatter'),
  custom: () => import('./modules/custom'),
  grid: () => import('./modules/grid'),
  tooltip: () => import('./modules/tooltip'),
  legend: () => import('./modules/legend'),
  'legend-scroll': () => import('./modules/legend-scroll'),
  graphic: () => import('./modules/graphic'),
  brush: () => import('./modules/brush'),
  'visualmap-piecewise': () => import('./modules/visualmap-piecewise'),
  'visualmap-continuous': () => import('./modules/visualmap-continuous'),
  markline: () => import('./modules/markline'),
  markarea: () => import('./modules/markarea'),
  'renderer-svg': () => import('./modules/renderer-svg'),
  'renderer-canvas': () => import('./modules/renderer-canvas')
} satisfies Record<string, Loader>;
export type ModuleName = keyof typeof LOADERS;

const SERIES: Record<string, ModuleName> = { line: 'line', bar: 'bar', map: 'map', scatter: 'scatter', custom: 'custom' };
/**
 * Top-level option keys → the component that draws them: what Dampak's options use. An option
 * with another series type fails loudly (add its module); other unknown keys are ignored by ECharts
 * (e.g. `toolbox: { show: false }` next to the brush only hides buttons that are never registered).
 */
const COMPONENTS: Record<string, ModuleName> = {
  grid: 'grid',
  xAxis: 'grid',
  yAxis: 'grid',
  tooltip: 'tooltip',
  graphic: 'graphic',
  brush: 'brush'
};
/** Keys inside a series → marker components. */
const MARKERS: Record<string, ModuleName> = { markLine: 'markline', markArea: 'markarea' };

type Item = Record<string, unknown>;
const list = (v: unknown): Item[] => (v === undefined || v === null ? [] : Array.isArray(v) ? (v as Item[]) : [v as Item]);

/**
 * Modules that draw nothing until the reader reaches for the chart (a tooltip on hover, the brush
 * on a drag). A chart drawn in the browser looks the same without them, so they are loaded only
 * when the reader first points at or focuses the card (Chart's `wake`), not with the first draw.
 */
export const INTERACTION_MODULES: ReadonlySet<ModuleName> = new Set<ModuleName>(['tooltip', 'brush']);

/**
 * Interaction modules that add action events (the brush's `brushEnd`). ECharts forwards an action's
 * events to an instance's listeners only if the action was registered before the instance was
 * created, so a chart drawn before these loaded is drawn again in a new instance.
 */
const EVENT_MODULES: ReadonlySet<ModuleName> = new Set<ModuleName>(['brush']);

/** Whether a chart drawn with `option` before its interaction modules loaded needs a new instance. */
export const needsNewInstance = (option: EChartsOption): boolean => [...modulesFor(option)].some((m) => EVENT_MODULES.has(m));

/**
 * The modules an option draws with; with `interactive: false` only those its look needs (without
 * {@link INTERACTION_MODULES}): ECharts keeps the tooltip and brush settings of the option and
 * builds those components when a later setOption finds them registered.
 */
export function modulesFor(option: EChartsOption, { interactive = true }: { interactive?: boolean } = {}): Set<ModuleName> {
  const need = new Set<ModuleName>();
  const o = option as Item;
  for (const s of list(o.series)) {
    const type = String(s.type ?? '');
    if (!SERIES[type]) throw new Error(`ECharts series type "${type}" is not available (src/lib/charts/modules.ts)`);
    need.add(SERIES[type]);
    for (const [k, m] of Object.entries(MARKERS)) if (s[k]) need.add(m);
  }
  for (const [k, m] of Object.entries(COMPONENTS)) if (o[k] !== undefined && o[k] !== null) need.add(m);
  // A scrolling legend needs its own module; a plain one (the default type) does not carry it.
  for (const l of list(o.legend)) need.add(l.type === 'scroll' ? 'legend-scroll' : 'legend');
  // ECharts' default visualMap type is continuous unless pieces or categories are given.
  for (const v of list(o.visualMap)) need.add(v.type === 'piecewise' || v.pieces || v.categories ? 'visualmap-piecewise' : 'visualmap-continuous');
  if (!interactive) for (const m of INTERACTION_MODULES) need.delete(m);
  return need;
}

let core: Echarts | null = null;
let coreLoading: Promise<Echarts> | null = null;
const installed = new Set<ModuleName>();
const pending = new Map<ModuleName, Promise<void>>();

function loadCore(): Promise<Echarts> {
  coreLoading ??= import('./echarts').then((m) => (core = m.echarts));
  coreLoading.catch(() => (coreLoading = null));
  return coreLoading;
}

/** ECharts if it is loaded, else null. */
export const echartsNow = (): Echarts | null => core;

/**
 * Make sure ECharts, the renderer and every module `option` draws are registered (with
 * `interactive: false`, not the interaction modules). Returns null when they are (the chart can
 * update synchronously, as a cross-filter update should), else a promise.
 */
export function ensureModules(option: EChartsOption, renderer: Renderer = 'svg', opts: { interactive?: boolean } = {}): Promise<void> | null {
  const missing = [...modulesFor(option, opts), `renderer-${renderer}` as const].filter((m) => !installed.has(m));
  if (core && missing.length === 0) return null;
  return loadCore().then((echarts) =>
    Promise.all(
      missing.map((name) => {
        let p = pending.get(name);
        if (!p) {
          p = LOADERS[name]().then((m) => {
            echarts.use(m.default);
            installed.add(name);
          });
          p.catch(() => pending.delete(name));
          pending.set(name, p);
        }
        return p;
      })
      // registerMap is a no-op until the map module is installed: (re)register the defined maps now.
    ).then(() => attachMaps(echarts))
  );
}

/** Every module (prerendering registers them all at once). */
export const loadAllModules = (): Promise<Installers[]> => Promise.all(Object.values(LOADERS).map((l) => l().then((m) => m.default)));
