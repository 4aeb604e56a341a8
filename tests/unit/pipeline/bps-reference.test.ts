import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BPS_FILES, mergeBpsReferences } from '../../../src/lib/pipeline/bps-reference';
import { parseCsvRecords } from '../../../src/lib/pipeline/csv';

const head = 'kab_code,kab_name,year,period,indicator,value,source\n';

describe('merging the BPS reference files', () => {
  it('keeps a value found twice once, naming both carriers; drops KONFLIK rows and disagreeing values', () => {
    const a =
      head +
      '3501,Pacitan,2022,Tahunan,ipm,71,carrier A\n3502,Ponorogo,2023,Tahunan,ipm,72.10,carrier A\n3503,Trenggalek,2022,Maret,p0_persen,10.5,"news (KONFLIK: 10.6 elsewhere)"\n';
    const b =
      head +
      '3501,Pacitan,2022,Tahunan,ipm,71.00,carrier B\n3502,Ponorogo,2023,Tahunan,ipm,72.40,carrier B\n3504,Tulungagung,2025,Maret,p1_indeks_kedalaman,1.2,carrier B\n';
    const { rows, report } = mergeBpsReferences([
      { file: 'a.csv', text: a },
      { file: 'b.csv', text: b }
    ]);
    expect(rows.map((r) => `${r.kode} ${r.indikator} ${r.nilai}`)).toEqual(['3501 ipm 71', '3504 p1 1.2']);
    expect(rows[0].sumber).toBe('BPS — dibaca dari carrier A (sama dengan: carrier B)');
    expect(report.konflik).toEqual([{ file: 'a.csv', row: 4, key: '3503 2022 maret p0' }]);
    expect(report.conflicts).toEqual([
      {
        key: '3502 2023 tahunan ipm',
        values: [
          { file: 'a.csv', row: 3, nilai: '72.10' },
          { file: 'b.csv', row: 3, nilai: '72.40' }
        ]
      }
    ]);
    expect(report.confirmed).toBe(1);
  });

  it('an unknown indicator stops the import with its file and row', () => {
    expect(() => mergeBpsReferences([{ file: 'x.csv', text: head + '3501,P,2020,Maret,made_up,1,s\n' }])).toThrow(
      'x.csv row 2: unknown indicator/period made_up/Maret'
    );
  });

  it('data/nilai_indikator.csv is exactly what the import makes of ../shared/reference (no value added, none interpolated)', () => {
    const { rows, report } = mergeBpsReferences(BPS_FILES.map((file) => ({ file, text: readFileSync(join('../shared/reference', file), 'utf8') })));
    const [h, ...committed] = parseCsvRecords(readFileSync('data/nilai_indikator.csv', 'utf8'));
    const data = committed.filter((r) => r.length > 1).map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
    expect(data).toEqual(rows.map((r) => ({ ...r, tahun: String(r.tahun) })));
    // The two KONFLIK rows of kabkota_poverty_extra.csv and the Trenggalek IPM 2023 disagreement are gaps.
    expect(report.konflik.map((k) => k.key)).toEqual(['3504 2022 maret jumlah_miskin', '3525 2024 maret jumlah_miskin']);
    expect(report.conflicts.map((c) => c.key)).toEqual(['3503 2023 tahunan ipm']);
    for (const key of [...report.konflik.map((k) => k.key), '3503 2023 tahunan ipm']) {
      const [kode, tahun, periode, indikator] = key.split(' ');
      expect(
        data.some((d) => d.kode === kode && d.tahun === tahun && d.periode === periode && d.indikator === indikator),
        key
      ).toBe(false);
    }
    // The new indicators are there: P1 and P2 for all 38 regions in March 2025.
    for (const ind of ['p1', 'p2'])
      expect(new Set(data.filter((d) => d.indikator === ind && d.tahun === '2025' && d.kode !== '3500').map((d) => d.kode)).size).toBe(38);
  });
});
