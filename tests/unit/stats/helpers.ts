/** Shared test helpers: validation-file loading and seeded simulated panels. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPanel, type Panel, type PanelRow } from '../../../src/lib/stats/index';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** In CI the shared folder is cloned beside the repository. */
export const validationDir = path.resolve(repoRoot, '../shared/validation');

/** Read one of the (simple, unescaped) validation CSVs into objects keyed by header. */
export function readValidationCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path.join(validationDir, file), 'utf8').trim().split(/\r?\n/);
  const delimiter = header.includes(';') ? ';' : ',';
  const split = (line: string) => line.split(delimiter).map((f) => f.replace(/^"|"$/g, ''));
  const names = split(header);
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [names[i], v])));
}

export function mpdtaPanel(): Panel {
  return buildPanel(readValidationCsv('mpdta.csv').map((r) => ({ unit: r.countyreal, time: +r.year, y: +r.lemp, group: +r['first.treat'] })));
}

export function prop99Panel(): Panel {
  const rows = readValidationCsv('california_prop99.csv');
  const firstTreated = new Map<string, number>();
  for (const r of rows) if (r.treated === '1' && !firstTreated.has(r.State)) firstTreated.set(r.State, +r.Year);
  return buildPanel(rows.map((r) => ({ unit: r.State, time: +r.Year, y: +r.PacksPerCapita, group: firstTreated.get(r.State) ?? 0 })));
}

/**
 * The ehec design of the HonestDiD exercise: years ≤ 2015, states first treated in 2015 or
 * later dropped; 2014 expanders treated, never-expanders as comparison.
 */
export function ehecPanel(): Panel {
  const rows = readValidationCsv('ehec_data.csv')
    .map((r) => ({ unit: r.stfips, time: +r.year, y: +r.dins, group: r.yexp2 === '' ? 0 : +r.yexp2 }))
    .filter((r) => r.time <= 2015 && (r.group === 0 || r.group < 2015));
  return buildPanel(rows);
}

/** Mulberry32: small, seedable, reproducible across platforms. */
export function seededRandom(seed: number): { uniform: () => number; normal: () => number } {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

export interface SimulationDesign {
  seed: number;
  periods: number;
  /** Number of units per first-treated period (0 = never treated). */
  unitsPerGroup: Record<number, number>;
  /** Treatment effect of group g in period t (only called for t ≥ g). */
  effect: (g: number, t: number) => number;
  /** Extra trend of treated units before adoption (a parallel-trends violation), per period. */
  preTrend?: number;
  noiseSd?: number;
}

/** y_it = α_i + λ_t + τ(g,t)·1{t ≥ g} + pre-trend + ε, periods 1..T. */
export function simulatePanel(design: SimulationDesign): PanelRow[] {
  const rng = seededRandom(design.seed);
  const timeEffect = Array.from({ length: design.periods + 1 }, (_, t) => 0.3 * t + rng.normal());
  const rows: PanelRow[] = [];
  for (const [groupText, count] of Object.entries(design.unitsPerGroup)) {
    const g = Number(groupText);
    for (let i = 0; i < count; i++) {
      const unitEffect = 2 * rng.normal() + g * 0.2;
      for (let t = 1; t <= design.periods; t++) {
        const treated = g > 0 && t >= g;
        const trend = g > 0 && !treated ? (design.preTrend ?? 0) * t : 0;
        const y = unitEffect + timeEffect[t] + (treated ? design.effect(g, t) : 0) + trend + (design.noiseSd ?? 0.5) * rng.normal();
        rows.push({ unit: `g${g}-u${i}`, time: t, y, group: g });
      }
    }
  }
  return rows;
}
