import { DuckDBInstance } from '@duckdb/node-api';
import { runWorkbench } from './src/lib/impact/run';
import { robustnessTable } from './src/lib/impact/robustness';
import { robustnessExtras } from './src/lib/impact/inference-run';
import type { WorkbenchRequest } from './src/lib/impact/types';
const conn = await (await DuckDBInstance.create(':memory:')).connect();
const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as any[];
const D = 'static/data';
const outcome = (await q(`SELECT kode, tahun::INTEGER AS tahun, nilai FROM read_parquet('${D}/nilai_indikator.parquet') WHERE indikator='p0' AND periode='maret' AND kode<>'3500' ORDER BY kode, tahun`)).map(r => ({ kode: r.kode, tahun: Number(r.tahun), nilai: Number(r.nilai) }));
const first = await q(`SELECT kode, min(tahun)::INTEGER AS y FROM read_parquet('${D}/penyaluran.parquet') WHERE program_id='pkh_plus' AND realisasi_rp>0 GROUP BY kode`);
const timing = Object.fromEntries(first.map(r => [r.kode, Number(r.y)]));
const regions = (await q(`SELECT kode FROM read_parquet('${D}/wilayah.parquet') ORDER BY kode`)).map(r => r.kode);
const base: WorkbenchRequest = { method: 'cs', control: 'never', from: 2020, to: 2024, cohort: null, treatedUnit: null, outcome, timing, regions, disbursed: [], population: {}, betterDirection: 'lower', inference: { method: 'analytic', draws: 9999, seed: 20260101, weights: 'rademacher' } };
const time = (label: string, f: () => unknown) => { const t0 = performance.now(); const r = f(); console.log(label, ((performance.now() - t0) / 1000).toFixed(2), 's'); return r; };
for (const [m, inf] of [['cs','analytic'], ['twfe','wild'], ['cs','ri'], ['cs','wild'], ['twfe','ri'], ['bjs','ri'], ['sdid','analytic'], ['event','analytic']] as const) {
  const r: any = time(`${m}/${inf}`, () => runWorkbench({ ...base, method: m, inference: { ...base.inference!, method: inf } }));
  console.log('   ', r.headline?.estimate, r.inference?.p, r.inference?.enumerated, r.sensitivity?.breakdown, r.error?.code);
}
time('robustness 999', () => robustnessTable({ ...base, inference: { ...base.inference!, draws: 999 } }, () => {}, robustnessExtras));
