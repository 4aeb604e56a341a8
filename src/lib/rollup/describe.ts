/**
 * Words for one region on a map: the tooltip (HTML) and the same facts as plain text for screen
 * readers, plus the table of all 38 regions behind a map.
 */
import { t, type Lang } from '$lib/i18n';
import type { ChartTable } from '$lib/charts/export';
import { fmtChange, fmtValue, indUnit, periodLabel } from './labels';
import type { MapData } from './mapdata';
import type { Indikator, Periode, RegionValue } from './types';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface RegionFacts {
  name: string;
  value: string;
  period: string;
  rank: string | null;
  change: string;
  /** Change map only: the coloured change between the two years. */
  span: string | null;
}

export function regionFacts(row: RegionValue, ind: Indikator, periode: Periode, tahun: number, map: MapData, from: number | undefined, l: Lang): RegionFacts {
  const period = periodLabel(periode, tahun, l);
  const of = map.rows.filter((r) => r.rank !== null).length;
  const spanValue = map.mode === 'change' ? (map.values.find((v) => v.kode === row.kode)?.value ?? null) : null;
  return {
    name: row.nama,
    value: row.nilai === null ? t('map.tip.noData', { per: period }, l) : `${fmtValue(ind, row.nilai, l)} (${period})`,
    period,
    rank: row.rank === null ? null : t('map.tip.rank', { rank: row.rank, of }, l),
    change:
      row.change === null || row.prevTahun === null
        ? t('map.tip.noPrev', {}, l)
        : t('map.tip.change', { delta: fmtChange(ind, row.change, l), per: periodLabel(periode, row.prevTahun, l) }, l),
    span:
      map.mode === 'change' && from !== undefined
        ? `${periodLabel(periode, from, l)} → ${period}: ${spanValue === null ? t('map.noData.label', {}, l) : fmtChange(ind, spanValue, l)}`
        : null
  };
}

export function tooltipHtml(f: RegionFacts, l: Lang): string {
  const lines = [f.span, f.value, f.rank, f.span ? null : f.change].filter((x): x is string => !!x);
  return (
    `<strong>${esc(f.name)}</strong><br>` +
    lines.map(esc).join('<br>') +
    `<br><span style="color:#5b6b7b;font-size:0.8em">${esc(t('map.tip.open', {}, l))}</span>`
  );
}

export function factsText(f: RegionFacts): string {
  return [f.name, f.span, f.value, f.rank, f.span ? null : f.change].filter(Boolean).join('. ');
}

/** The 38 regions with value, rank and change: the map's accessible table and its CSV. */
export function mapTable(map: MapData, ind: Indikator, periode: Periode, tahun: number, from: number | undefined, l: Lang): ChartTable {
  const unit = indUnit(ind, l);
  const rows = map.rows.map((r) => ({
    kode: r.kode,
    nama: r.nama,
    nilai: r.nilai,
    rank: r.rank,
    prevTahun: r.prevTahun,
    change: r.change,
    span: map.values.find((v) => v.kode === r.kode)?.value ?? null
  }));
  const num = (v: unknown) => (typeof v === 'number' ? fmtValue(ind, v, l) : t('map.noData.label', {}, l));
  const chg = (v: unknown) => (typeof v === 'number' ? fmtChange(ind, v, l) : '–');
  const columns: ChartTable['columns'] = [
    { key: 'nama', label: t('map.col.region', {}, l) },
    { key: 'kode', label: t('map.col.code', {}, l) },
    { key: 'nilai', label: `${t('map.col.value', { unit }, l)}, ${periodLabel(periode, tahun, l)}`, format: num },
    { key: 'rank', label: t('map.col.rank', {}, l), format: (v) => (typeof v === 'number' ? String(v) : '–') }
  ];
  if (map.mode === 'change' && from !== undefined) {
    columns.push({ key: 'span', label: `${t('map.col.change', {}, l)} ${periodLabel(periode, from, l)} → ${periodLabel(periode, tahun, l)}`, format: chg });
  } else {
    columns.push({ key: 'prevTahun', label: t('map.col.prev', {}, l), format: (v) => (typeof v === 'number' ? String(v) : '–') });
    columns.push({ key: 'change', label: t('map.col.change', {}, l), format: chg });
  }
  return { columns, rows };
}
