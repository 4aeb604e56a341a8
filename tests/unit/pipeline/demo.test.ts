import { describe, it, expect, beforeAll } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { rowSchemas, TABLES, type Penerima, type Penyaluran, type TableName } from '../../../src/lib/schema';
import { readCsv } from '../../../src/lib/pipeline/csv';
import { validateRows } from '../../../src/lib/pipeline/validate';
import { openDuckDB } from '../../../src/lib/db/native';
import { DEMO_PROGRAMS, buildPlan, generatePenerima, generatePenyaluran, idHasher, insertPenerima, type DemoInputs } from '../../../src/lib/pipeline/demo';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SEED = 20_260_101;
const ROWS = 200_000;

let inputs: DemoInputs;
let penyaluran: Penyaluran[];
let penerima: Penerima[];

/** One committed source table, parsed and typed by the pipeline's own reader. */
function source<T>(name: TableName): T[] {
  const file = path.join(repoRoot, 'data', `${name}.csv`);
  const csv = readCsv(file, readFileSync(file), []);
  if (!csv.table) throw new Error(JSON.stringify(csv.issues));
  const valid = validateRows(TABLES[name], csv.table);
  if (valid.issues.length) throw new Error(JSON.stringify(valid.issues.slice(0, 3)));
  return valid.rows as T[];
}

beforeAll(() => {
  inputs = { wilayah: source('wilayah'), program: source('program'), nilai: source('nilai_indikator'), rekam: source('rekam_program') };
  penyaluran = generatePenyaluran(inputs, SEED);
  penerima = [...generatePenerima(inputs, { seed: SEED, rows: ROWS })];
});

/** First year each region appears in penyaluran for a programme. */
function firstYears(programId: string): Map<string, number> {
  const first = new Map<string, number>();
  for (const r of penyaluran) {
    if (r.program_id === programId) first.set(r.kode, Math.min(first.get(r.kode) ?? Infinity, r.tahun));
  }
  return first;
}

describe('determinism', () => {
  it('same seed → identical output, different seed → different output', () => {
    expect(generatePenyaluran(inputs, SEED)).toEqual(penyaluran);
    expect(generatePenyaluran(inputs, SEED + 1)).not.toEqual(penyaluran);
    const again = [...generatePenerima(inputs, { seed: SEED, rows: 5_000 })];
    expect(again).toEqual([...generatePenerima(inputs, { seed: SEED, rows: 5_000 })]);
    expect([...generatePenerima(inputs, { seed: SEED + 1, rows: 5_000 })]).not.toEqual(again);
  });

  it('id_hash is 16 hex characters, never all digits', () => {
    const id = idHasher(SEED, 'pkh_plus');
    for (let i = 0; i < 50_000; i++) expect(id(i)).toMatch(/^(?=.*[a-f])[0-9a-f]{16}$/);
  });
});

describe('penyaluran', () => {
  it('every row passes the zod row schema', () => {
    expect(penyaluran.length).toBeGreaterThan(1000);
    for (const r of penyaluran) expect(rowSchemas.penyaluran.safeParse(r).success, JSON.stringify(r)).toBe(true);
  });

  it('keys are unique and years stay within 2019–2025', () => {
    const keys = new Set(penyaluran.map((r) => `${r.program_id}|${r.kode}|${r.tahun}|${r.bulan}`));
    expect(keys.size).toBe(penyaluran.length);
    expect(Math.min(...penyaluran.map((r) => r.tahun))).toBe(2019);
    expect(Math.max(...penyaluran.map((r) => r.tahun))).toBe(2025);
  });

  it('PKH Plus follows the public record: 10 named kabupaten from 2019 with the planned allocation, Bondowoso in 2021, 15 → 25 → 38', () => {
    const first = firstYears('pkh_plus');
    const byYear = (y: number) =>
      [...first]
        .filter(([, t]) => t === y)
        .map(([k]) => k)
        .sort();
    const named2019 = inputs.rekam.filter((r) => r.program_id === 'pkh_plus' && r.periode === 'Rencana awal 2019' && r.kode !== '3500');
    expect(named2019).toHaveLength(10);
    expect(byYear(2019)).toEqual(named2019.map((r) => r.kode).sort());
    expect(first.get('3511')).toBe(2021); // Bondowoso: "baru tahun 2021 ini Bondowoso dapat"
    expect(byYear(2019).length + byYear(2021).length).toBe(15);
    expect(byYear(2023)).toHaveLength(10);
    expect(byYear(2025)).toHaveLength(13);
    expect(first.size).toBe(38);
    // Every region the record names with recipients in year Y has started by Y (Situbondo 2024, Kota Batu 2025, …).
    for (const r of inputs.rekam.filter((x) => x.program_id === 'pkh_plus' && x.indikator === 'penerima_lansia' && x.kode !== '3500')) {
      expect(first.get(r.kode), r.kode).toBeLessThanOrEqual(r.tahun);
    }
    // 2019: the planned allocation, region by region (50,000 in all).
    const plan = buildPlan(inputs).find((p) => p.program.id === 'pkh_plus')!;
    for (const r of named2019) expect(plan.recipientsIn(2019).get(r.kode)).toBe(r.nilai);
    const total = (y: number) => [...plan.recipientsIn(y).values()].reduce((a, b) => a + b, 0);
    expect([2019, 2020, 2021, 2022, 2023, 2024, 2025].map(total)).toEqual([50_000, 50_000, 50_000, 50_000, 55_000, 55_000, 60_000]);
  });

  it('JPS runs only in 2020–2021, in all regions, about 333,000 people', () => {
    const jps = penyaluran.filter((r) => r.program_id === 'jps');
    expect(new Set(jps.map((r) => r.tahun))).toEqual(new Set([2020, 2021]));
    expect(new Set(jps.map((r) => r.kode)).size).toBe(38);
    const may2020 = new Map(jps.filter((r) => r.tahun === 2020).map((r) => [r.kode, r.target_penerima]));
    expect([...may2020.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(300_000);
  });

  it('rupiah follow recipients × benefit per payment', () => {
    const benefit = new Map(inputs.program.map((p) => [p.id, p.nilai_per_penerima]));
    for (const r of penyaluran) {
      const per = Math.round(benefit.get(r.program_id)! / DEMO_PROGRAMS[r.program_id].paymentMonths.length);
      expect(r.anggaran_rp).toBe(r.target_penerima * per);
      expect(r.realisasi_rp).toBe(r.realisasi_penerima * per);
    }
  });

  it('contains the deliberate issues: a missing month, an over-target month, a late month', () => {
    const present = new Map<string, number>();
    for (const r of penyaluran) {
      const k = `${r.program_id}|${r.kode}|${r.tahun}`;
      present.set(k, (present.get(k) ?? 0) + 1);
    }
    const missing = [...present].filter(([k, n]) => n < DEMO_PROGRAMS[k.split('|')[0]].paymentMonths.length);
    expect(missing.length).toBeGreaterThan(0);
    expect(penyaluran.some((r) => r.realisasi_penerima > r.target_penerima)).toBe(true);
    expect(penyaluran.some((r) => r.hari_terlambat > 0)).toBe(true);
  });
});

describe('penerima', () => {
  it('has the requested number of rows and a sample passes the zod row schema', () => {
    expect(penerima).toHaveLength(ROWS);
    for (let i = 0; i < penerima.length; i += 97) {
      const r = penerima[i];
      expect(rowSchemas.penerima.safeParse(r).success, JSON.stringify(r)).toBe(true);
    }
  });

  it('(id_hash, program_id) is unique', () => {
    expect(new Set(penerima.map((r) => `${r.id_hash}|${r.program_id}`)).size).toBe(ROWS);
  });

  it('follows the programmes: regions, entry years, target groups', () => {
    // The plan, not penyaluran: a once-a-year programme may miss its first month on purpose.
    const first = new Map(buildPlan(inputs).map((p) => [p.program.id, new Map(p.regions.map((r) => [r.kode, r.start]))]));
    const broken = (r: Penerima): string | null => {
      const start = first.get(r.program_id)!.get(r.kode);
      if (start === undefined) return 'region does not run the programme';
      if (r.tahun_masuk < start || r.tahun_masuk > 2025) return 'tahun_masuk outside the programme years';
      if (r.kecamatan.slice(0, 4) !== r.kode) return 'kecamatan of another region';
      if (r.lansia !== (r.kelompok_umur === '60-69' || r.kelompok_umur === '70+')) return 'lansia ≠ age group';
      if (r.program_id === 'wrse' && r.jenis_kelamin !== 'P') return 'WRSE man';
      if (r.program_id === 'ldp' && r.kelompok_umur !== '<18') return 'LDP adult';
      if (r.program_id === 'aspd' && !r.disabilitas) return 'ASPD without disability';
      if (r.program_id === 'jps' && r.status === 'aktif') return 'active in an ended programme';
      return null;
    };
    const problems = penerima.map((r) => [broken(r), r] as const).filter(([why]) => why !== null);
    expect(problems.slice(0, 3)).toEqual([]);
  });

  it('allocates rows by programme size (JPS largest, PKH Plus ~55/506 of the rows)', () => {
    const count = (id: string) => penerima.filter((r) => r.program_id === id).length;
    expect(count('jps')).toBeGreaterThan(count('pkh_plus'));
    expect(count('pkh_plus') / ROWS).toBeGreaterThan(0.09);
    expect(count('pkh_plus') / ROWS).toBeLessThan(0.13);
  });

  it('PKH Plus inclusion error (under 70 or above decile 4) is between 2 % and 12 %', () => {
    const pkh = penerima.filter((r) => r.program_id === 'pkh_plus');
    const errors = pkh.filter((r) => r.kelompok_umur !== '70+' || r.desil > 4).length;
    const share = errors / pkh.length;
    console.log(`PKH Plus inclusion error: ${(share * 100).toFixed(2)} % of ${pkh.length}`);
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.12);
    expect(penerima.some((r) => r.program_id === 'aspd' && r.lansia)).toBe(true);
  });
});

async function timedInsert(rows: number): Promise<void> {
  const conn = await openDuckDB();
  const t0 = performance.now();
  const n = await insertPenerima(conn, inputs, { seed: SEED, rows });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`insertPenerima: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);
  expect(n).toBe(rows);
  const res = await conn.runAndReadAll(
    'SELECT count(*)::INTEGER AS n, count(DISTINCT (id_hash, program_id))::INTEGER AS u, sum(nominal_rp)::DOUBLE AS rp FROM penerima'
  );
  const [row] = res.getRowObjectsJS();
  expect(row.n).toBe(rows);
  expect(row.u).toBe(rows);
  expect(row.rp).toBeGreaterThan(0);
  conn.closeSync();
}

describe('DuckDB insertion', () => {
  it('inserts 200,000 penerima rows', () => timedInsert(ROWS));
  // The scale the issue asks for; ~30 s on 2 cores, so it runs in every suite rather than behind a flag.
  it('inserts 5,000,000 penerima rows', () => timedInsert(5_000_000), 300_000);
});
