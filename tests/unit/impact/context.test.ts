import { describe, expect, it } from 'vitest';
import { buildRequest, cohortsInWindow, fileBase, shortOutcome, textContext, treatedRegions } from '../../../src/lib/impact/context';
import type { Catalogue, ProgrammeInputs } from '../../../src/lib/impact/inputs';
import type { Choices } from '../../../src/lib/impact/params';
import type { Indikator } from '../../../src/lib/schema';
import { REGIONS, TIMING, outcome } from './fixtures';

const p0: Indikator = {
  id: 'p0',
  nama: 'Persentase penduduk miskin (P0)',
  nama_en: 'Poverty rate (P0)',
  satuan: '%',
  satuan_en: '%',
  arah_baik: 'lower',
  desimal: 2,
  sumber: 'BPS',
  definisi: '',
  definisi_en: ''
};
const tpt: Indikator = { ...p0, id: 'tpt', nama: 'Tingkat pengangguran terbuka', nama_en: 'Open unemployment rate' };
const catalogue: Catalogue = {
  programmes: [{ id: 'pkh_plus', nama: 'Program Keluarga Harapan Plus', singkatan: 'PKH Plus', tahun_mulai: 2021 }],
  indicators: new Map([
    ['p0', p0],
    ['tpt', tpt]
  ]),
  outcomes: [],
  regions: REGIONS.map((kode) => ({ kode, nama: `Kabupaten ${kode}`, nama_pendek: `K${kode}`, jenis: 'kabupaten' })),
  population: Object.fromEntries(REGIONS.map((k) => [k, 1000])),
  populationYear: 2021,
  publicRollout: ['pkh_plus'],
  demoTiming: true,
  demoOutcome: false,
  snapshot: 'abc',
  snapshotDate: '2026-11-29T00:00:00.000Z'
};
const inputs: ProgrammeInputs = {
  key: 'k',
  timing: TIMING,
  source: { kind: 'disbursement', demo: true },
  unknown: [],
  rollout: null,
  record: [],
  intensity: {},
  issues: [],
  outcome: outcome(),
  disbursed: []
};
const choices = (over: Partial<Choices> = {}): Choices => ({
  program: 'pkh_plus',
  outcome: { indikator: 'p0', periode: 'maret', years: [2019, 2020, 2021, 2022, 2023], gaps: [], partial: [] },
  from: 2019,
  to: 2023,
  control: 'never',
  method: 'cs',
  cohort: null,
  treatedUnit: null,
  inference: { method: 'analytic', draws: 9999, seed: 20260101, weights: 'rademacher' },
  timing: { kind: 'disbursement' },
  unknown: 'exclude',
  ...over
});

describe('page context', () => {
  it('text context in the chosen language, with short names for regions and "P0" in headlines', () => {
    const id = textContext(catalogue, choices(), 'id')!;
    expect(id).toMatchObject({ program: 'PKH Plus', outcome: 'Persentase penduduk miskin (P0)', periode: 'Maret', decimals: 2, demo: true });
    expect(id.regionName('3501')).toBe('K3501');
    expect(shortOutcome(id)).toBe('P0');
    expect(textContext(catalogue, choices(), 'en')!.periode).toBe('March');
    expect(fileBase(choices({ method: 'did' }))).toBe('dampak-pkh_plus-p0-did');
  });

  it('pickers list only cohorts and regions that start inside the window', () => {
    expect(cohortsInWindow(choices(), inputs)).toEqual([2021, 2022]);
    expect(cohortsInWindow(choices({ to: 2021 }), inputs)).toEqual([2021]);
    expect(treatedRegions(choices({ from: 2021 }), inputs, catalogue)).toEqual([{ kode: '3503', nama: 'K3503', group: 2022 }]);
  });

  it('the worker request carries the population only for the poverty rate', () => {
    expect(Object.keys(buildRequest(choices(), inputs, catalogue).population)).toHaveLength(REGIONS.length);
    const other = buildRequest(choices({ outcome: { ...choices().outcome, indikator: 'tpt' } }), inputs, catalogue);
    expect(other.population).toEqual({});
    expect(other.betterDirection).toBe('lower');
    expect(other.regions).toEqual(REGIONS);
  });
});
