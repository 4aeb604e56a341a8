import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { convertProgrammeRecord } from '../../../src/lib/pipeline/bps-reference';
import { parseCsvRecords } from '../../../src/lib/pipeline/csv';
import { possibleStarts, publicRollout, type RecordFact } from '../../../src/lib/rollout/public-record';

const regions = parseCsvRecords(readFileSync('data/wilayah.csv', 'utf8'))
  .slice(1)
  .map((r) => r[0])
  .filter(Boolean);
const committed = (): RecordFact[] => {
  const [h, ...rows] = parseCsvRecords(readFileSync('data/rekam_program.csv', 'utf8'));
  return rows
    .filter((r) => r.length > 1)
    .map((r) => ({
      program_id: r[h.indexOf('program_id')],
      kode: r[h.indexOf('kode')],
      tahun: Number(r[h.indexOf('tahun')]),
      indikator: r[h.indexOf('indikator')],
      nilai: Number(r[h.indexOf('nilai')])
    }));
};

describe('PKH Plus rollout from the public record (data/rekam_program.csv)', () => {
  const r = publicRollout(committed(), 'pkh_plus', regions)!;

  it('stages 10 → 15 → 25 → 38 in 2019, 2021, 2023, 2025', () => {
    expect(r.stages.map((s) => [s.year, s.total])).toEqual([
      [2019, 10],
      [2021, 15],
      [2023, 25],
      [2025, 38]
    ]);
  });

  it('knows the 10 named kabupaten of 2019 and Bondowoso in 2021, nothing else', () => {
    expect(
      Object.entries(r.known)
        .filter(([, y]) => y === 2019)
        .map(([k]) => k)
        .sort()
    ).toEqual(['3506', '3507', '3509', '3513', '3522', '3523', '3524', '3526', '3527', '3529']);
    expect(r.known['3511']).toBe(2021);
    expect(Object.keys(r.known)).toHaveLength(11);
    expect(r.unknown).toHaveLength(27);
  });

  it('bounds the unknown starts by what the record says', () => {
    // Situbondo is named with recipients in 2024: it started in 2021 or 2023.
    const situbondo = r.unknown.find((u) => u.kode === '3512')!;
    expect(possibleStarts(r, situbondo)).toEqual([2021, 2023]);
    // Pacitan is never named: any stage after the fully named first one.
    expect(
      possibleStarts(
        r,
        r.unknown.find((u) => u.kode === '3501')!
      )
    ).toEqual([2021, 2023, 2025]);
  });

  it('gives no rollout for a programme without yearly coverage', () => {
    expect(publicRollout(committed(), 'aspd', regions)).toBeNull();
  });
});

describe('the rollout logic on small records', () => {
  const cov = (tahun: number, nilai: number): RecordFact => ({ program_id: 'x', kode: '3500', tahun, indikator: 'jumlah_kabkota_cakupan', nilai });
  const named = (kode: string, tahun: number): RecordFact => ({ program_id: 'x', kode, tahun, indikator: 'penerima_orang', nilai: 5 });
  const four = ['3501', '3502', '3503', '3504'];

  it('a first stage not fully named leaves later regions unknown from the first stage on', () => {
    const r = publicRollout([cov(2020, 2), cov(2022, 4), named('3501', 2020), named('3502', 2022)], 'x', four)!;
    expect(r.known).toEqual({ '3501': 2020 });
    expect(r.unknown.find((u) => u.kode === '3502')).toEqual({ kode: '3502', lo: 2020, hi: 2022, mayNever: false });
  });

  it('when coverage never reaches every region, an unnamed region may never have started', () => {
    const r = publicRollout([cov(2020, 1), cov(2021, 2), named('3501', 2020)], 'x', four)!;
    expect(r.known).toEqual({ '3501': 2020 });
    expect(r.unknown).toEqual(['3502', '3503', '3504'].map((kode) => ({ kode, lo: 2021, hi: 2021, mayNever: true })));
  });
});

describe('the committed record is the reference file, converted', () => {
  it('every row of programme_public_record.csv is in data/rekam_program.csv with its carrier', () => {
    const rows = convertProgrammeRecord(readFileSync('../shared/reference/more/programme_public_record.csv', 'utf8'));
    const text = readFileSync('data/rekam_program.csv', 'utf8');
    expect(rows).toHaveLength(58);
    for (const r of rows) expect(text).toContain(r.sumber.includes('"') ? r.sumber.replaceAll('"', '""') : r.sumber);
  });
});
