import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KASUS_RULES, LAYANAN_UPT_RULES, TABLES, daysBetween, rowSchemas, ruleFailures, type Kasus } from '../../../src/lib/schema';
import { readSources } from '../../../src/lib/pipeline/sources';
import { generateSosial, referralsByMonth, type SosialInputs } from '../../../src/lib/pipeline/demo/sosial';
import { nearestUnits } from '../../../src/lib/pipeline/demo/sosial/geo';
import { RUJUKAN_UPT } from '../../../src/lib/pipeline/demo/sosial/config';
import { isIdentityValue } from '../../../src/lib/pipeline/identity';
import { buildPlan } from '../../../src/lib/pipeline/demo/plan';
import { ROOT } from '../pipeline/helpers';

const s = readSources(join(ROOT, 'data'));
const inputs: SosialInputs = { wilayah: s.wilayah, program: s.program, nilai: s.nilai_indikator, rekam: s.rekam_program, upt: s.upt };
const a = generateSosial(inputs, 7);
const b = generateSosial(inputs, 7);
const other = generateSosial(inputs, 8);

const median = (xs: number[]) => {
  const v = [...xs].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const lag = (k: Kasus) => daysBetween(k.tanggal_lapor, k.tanggal_tindak_lanjut!);

describe('social-services demo generator', () => {
  it('is deterministic: the same seed gives identical tables, another seed different ones', () => {
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(other.kasus)).not.toBe(JSON.stringify(a.kasus));
    expect(JSON.stringify(other.layanan_upt)).not.toBe(JSON.stringify(a.layanan_upt));
  });

  it('writes only rows that pass the schemas, the row rules, the keys and the references', () => {
    const upt = new Set(s.upt.map((u) => u.id));
    const kode = new Set(s.wilayah.map((w) => w.kode));
    for (const [name, rows, rules] of [
      ['kasus', a.kasus, KASUS_RULES],
      ['layanan_upt', a.layanan_upt, LAYANAN_UPT_RULES],
      ['pilar_sosial', a.pilar_sosial, []]
    ] as const) {
      const keys = new Set<string>();
      for (const r of rows as unknown as readonly Record<string, unknown>[]) {
        const parsed = rowSchemas[name].safeParse(r);
        expect(parsed.success, `${name} ${JSON.stringify(r)}`).toBe(true);
        expect(ruleFailures(rules, r), `${name} ${JSON.stringify(r)}`).toEqual([]);
        keys.add(TABLES[name].key.map((k) => String(r[k])).join('|'));
        if ('kode' in r) expect(kode.has(String(r.kode))).toBe(true);
        if (r.upt_id !== null && r.upt_id !== undefined) expect(upt.has(String(r.upt_id))).toBe(true);
        for (const v of Object.values(r)) expect(isIdentityValue(v)).toBe(false);
      }
      expect(keys.size, name).toBe(rows.length);
    }
  });

  it('has the magnitudes of a provincial service: thousands of cases a year, ~1,000 elderly in the seven PSTW', () => {
    const y2025 = a.kasus.filter((k) => k.tanggal_lapor.startsWith('2025'));
    expect(y2025.length).toBeGreaterThan(3000);
    expect(y2025.length).toBeLessThan(9000);
    expect(a.kasus[0].tanggal_lapor >= '2024-05-06').toBe(true);
    const dec = a.layanan_upt.filter((r) => r.tahun === 2025 && r.bulan === 12);
    const pstw = dec.filter((r) => r.upt_id.startsWith('pstw-')).reduce((t, r) => t + r.klien_akhir, 0);
    expect(pstw).toBeGreaterThan(700);
    expect(pstw).toBeLessThan(1300);
    // Every region reports cases.
    expect(new Set(y2025.map((k) => k.kode)).size).toBe(38);
  });

  it('peaks around Lebaran: March 2025 (Ramadan) has more cases, and more beggars, than the other months of 2025', () => {
    const perMonth = new Map<string, Kasus[]>();
    for (const k of a.kasus.filter((x) => x.tanggal_lapor.startsWith('2025'))) {
      const m = k.tanggal_lapor.slice(0, 7);
      perMonth.set(m, [...(perMonth.get(m) ?? []), k]);
    }
    const march = perMonth.get('2025-03')!;
    const others = [...perMonth].filter(([m]) => m !== '2025-03' && m !== '2025-04').map(([, v]) => v);
    const avg = (f: (ks: Kasus[]) => number) => others.reduce((t, v) => t + f(v), 0) / others.length;
    expect(march.length).toBeGreaterThan(1.25 * avg((v) => v.length));
    const gepeng = (ks: Kasus[]) => ks.filter((k) => k.kategori === 'gelandangan_pengemis').length;
    expect(gepeng(march)).toBeGreaterThan(2 * avg(gepeng));
  });

  it('follows up more slowly where the nearest suitable unit is far away', () => {
    const odgj = a.kasus.filter((k) => k.kategori === 'odgj_tanpa_identitas' && k.tanggal_tindak_lanjut);
    const km = new Map(s.wilayah.map((w) => [w.kode, nearestUnits(w.kode, RUJUKAN_UPT.odgj_tanpa_identitas!, s.upt, s.wilayah)[0].km]));
    const near = odgj.filter((k) => km.get(k.kode)! < 40).map(lag);
    const far = odgj.filter((k) => km.get(k.kode)! > 120).map(lag);
    expect(near.length).toBeGreaterThan(100);
    expect(far.length).toBeGreaterThan(100);
    expect(median(far)).toBeGreaterThan(median(near));
  });

  it('keeps each unit’s months continuous, and counts every e-JSC referral among that month’s admissions', () => {
    const byUnit = new Map<string, typeof a.layanan_upt>();
    for (const r of a.layanan_upt) byUnit.set(r.upt_id, [...(byUnit.get(r.upt_id) ?? []), r]);
    expect(byUnit.size).toBe(s.upt.length);
    for (const rows of byUnit.values()) {
      expect(rows).toHaveLength(7 * 12);
      for (let i = 1; i < rows.length; i++) expect(rows[i].klien_awal).toBe(rows[i - 1].klien_akhir);
    }
    const refs = referralsByMonth(a.kasus);
    expect(refs.size).toBeGreaterThan(50);
    for (const [key, n] of refs) {
      const [id, tahun, bulan] = key.split('|');
      const row = a.layanan_upt.find((r) => r.upt_id === id && r.tahun === Number(tahun) && r.bulan === Number(bulan))!;
      expect(row.masuk, key).toBeGreaterThanOrEqual(n);
    }
  });

  it('case ids are unique 16-hex hashes that never look like a NIK', () => {
    const ids = a.kasus.map((k) => k.id_kasus);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(ids.filter((id) => /^\d{16}$/.test(id))).toEqual([]);
  });

  it('gives PKH Plus facilitators only to regions that run PKH Plus that year', () => {
    const pkh = a.pilar_sosial.filter((r) => r.jenis === 'pendamping_pkh_plus');
    expect(pkh.length).toBeGreaterThan(0);
    const plan = buildPlan(inputs).find((p) => p.program.id === 'pkh_plus')!;
    for (const tahun of [2019, 2021, 2023, 2025]) {
      const running = [...plan.recipientsIn(tahun)]
        .filter(([, n]) => n > 0)
        .map(([k]) => k)
        .sort();
      expect(
        pkh
          .filter((r) => r.tahun === tahun)
          .map((r) => r.kode)
          .sort(),
        String(tahun)
      ).toEqual(running);
    }
    const tksk2025 = a.pilar_sosial.filter((r) => r.jenis === 'tksk' && r.tahun === 2025).reduce((t, r) => t + r.jumlah, 0);
    expect(tksk2025).toBeGreaterThan(400); // Jatim has ~666 kecamatan, one TKSK each, some posts vacant
  });
});
