/**
 * The programme page's figures as data: chart options and their table alternatives, built from
 * query rows and the current filter. Pure (strings come in through `t`, numbers through `fmt`).
 */
import type { ChartTable } from '../charts/export';
import { concentrationOption } from '../charts/options/concentration';
import { profileOption } from '../charts/options/profile';
import { realisasiOption } from '../charts/options/realisasi';
import { timelinessOption } from '../charts/options/timeliness';
import type { fmt as Fmt, MessageKey, t as T } from '../i18n';
import { formatYm, type MonthIndex, type Measure } from './filters';
import type { TimelinessMonth } from './schedule';
import type { MonthSeries, ProfileShares, RegionMetrics } from './series';
import type { Targeting } from './metrics';
import type { PoorRow, RegionRow } from '../queries/program';

export interface Text {
  t: typeof T;
  fmt: typeof Fmt;
}

const num = (f: Text['fmt']) => (v: unknown) => f.number(v as number);
const pct = (f: Text['fmt']) => (v: unknown) => f.percent((v as number) * 100, 1);

export function trendFigure(
  { t, fmt }: Text,
  s: MonthSeries,
  vals: { realised: number[]; target: number[] },
  opts: { measure: Measure; cumulative: boolean; selected: [number, number] | null; monthLabel: (m: MonthIndex) => string }
) {
  const money = opts.measure === 'rupiah';
  const value = (v: unknown) => (money ? fmt.rupiah(v as number) : fmt.number(v as number));
  const targetName = money ? t('program.trend.budget') : t('program.trend.target');
  const option = realisasiOption({
    labels: s.months.map(opts.monthLabel),
    realised: vals.realised,
    target: vals.target,
    names: { realised: t('program.trend.realised'), target: targetName },
    selected: opts.selected,
    format: money ? fmt.rupiahCompact : (v: number) => fmt.compact(v, 1),
    cumulative: opts.cumulative
  });
  const table: ChartTable = {
    columns: [
      { key: 'bulan', label: t('program.trend.month') },
      { key: 'realisasi', label: t('program.trend.realised'), format: value },
      { key: 'target', label: targetName, format: value },
      { key: 'serapan', label: t('program.trend.absorption'), format: (v: unknown) => (v === null ? '–' : fmt.percent((v as number) * 100, 1)) }
    ],
    rows: s.months.map((m, i) => ({
      bulan: formatYm(m),
      realisasi: vals.realised[i],
      target: vals.target[i],
      serapan: vals.target[i] > 0 ? vals.realised[i] / vals.target[i] : null
    }))
  };
  return { option, table };
}

export function regionTable({ t, fmt }: Text, rows: readonly RegionMetrics[]): ChartTable {
  return {
    columns: [
      { key: 'nama', label: t('program.region.col.nama') },
      { key: 'penerima', label: t('program.region.col.penerima'), format: num(fmt) },
      { key: 'target', label: t('program.region.col.target'), format: num(fmt) },
      { key: 'realisasi_rp', label: t('program.region.col.rupiah'), format: (v: unknown) => fmt.rupiah(v as number) },
      { key: 'miskin_ribu', label: t('program.region.col.miskin'), format: (v: unknown) => fmt.number(v as number, 2) },
      { key: 'cakupan', label: t('program.region.col.cakupan'), format: (v: unknown) => fmt.number(v as number, 1) }
    ],
    rows: rows.map((r) => ({ ...r }))
  };
}

export function concentrationFigure({ t, fmt }: Text, targeting: Targeting, regions: readonly RegionRow[], poor: readonly PoorRow[], highlight: string | null) {
  const nameOf = (kode: string) => regions.find((r) => r.kode === kode)?.nama;
  const option = concentrationOption({
    points: targeting.curve.map((p) => ({ x: p.x, y: p.y, nama: nameOf(p.kode) ?? '' })),
    names: { curve: t('program.conc.curve'), equality: t('program.conc.equality'), x: t('program.conc.x'), y: t('program.conc.y') },
    percent: (v: number) => fmt.percent(v, 0),
    highlight,
    codes: targeting.curve.map((p) => p.kode)
  });
  const table: ChartTable = {
    columns: [
      { key: 'nama', label: t('program.region.col.nama') },
      { key: 'p0', label: t('program.conc.col.p0'), format: (v: unknown) => fmt.number(v as number, 2) },
      { key: 'sharePoor', label: t('program.conc.col.sharePoor'), format: pct(fmt) },
      { key: 'shareRecipients', label: t('program.conc.col.shareRec'), format: pct(fmt) }
    ],
    rows: targeting.curve.slice(1).map((p) => ({
      nama: nameOf(p.kode) ?? p.kode,
      p0: poor.find((x) => x.kode === p.kode)?.p0 ?? null,
      sharePoor: p.sharePoor,
      shareRecipients: p.shareRecipients
    }))
  };
  return { option, table };
}

export function timelinessFigure({ t, fmt }: Text, rows: readonly TimelinessMonth[]) {
  const option = rows.length
    ? timelinessOption({
        labels: rows.map((r) => `${fmt.month(r.bulan, true)} ${r.tahun}`),
        onTime: rows.map((r) => r.tepat),
        late: rows.map((r) => r.terlambat),
        missing: rows.map((r) => r.hilang),
        names: { onTime: t('program.time.onTime'), late: t('program.time.late'), missing: t('program.time.missing') }
      })
    : null;
  let late = 0;
  let missing = 0;
  let total = 0;
  let days = 0;
  for (const r of rows) {
    late += r.terlambat;
    missing += r.hilang;
    total += r.tepat + r.terlambat + r.hilang;
    days += (r.rata_hari ?? 0) * r.terlambat;
  }
  const table: ChartTable = {
    columns: [
      { key: 'bulan', label: t('program.trend.month') },
      { key: 'tepat', label: t('program.time.onTime') },
      { key: 'terlambat', label: t('program.time.late') },
      { key: 'hilang', label: t('program.time.missing') },
      { key: 'rata_hari', label: t('program.time.avgDays'), format: (v: unknown) => fmt.number(v as number | null, 1) }
    ],
    rows: rows.map((r) => ({ ...r, bulan: `${r.tahun}-${String(r.bulan).padStart(2, '0')}` }))
  };
  const summary = t('program.time.summary', {
    late: fmt.number(late),
    days: fmt.number(late ? days / late : null, 1),
    missing: fmt.number(missing),
    total: fmt.number(total)
  });
  return { option, table, summary };
}

export function profileFigure({ t, fmt }: Text, shares: readonly ProfileShares[]) {
  const catLabel = (c: string) => {
    const key = `program.cat.${c}` as MessageKey;
    const s = t(key);
    return s === key ? c : s;
  };
  const dim = (d: string) => t(`program.dim.${d}` as MessageKey);
  const option = shares.length
    ? profileOption({
        dimensions: shares.map((d) => ({
          label: dim(d.dimensi),
          categories: d.categories.map((c) => ({ label: catLabel(c.kategori), share: c.share, n: c.n }))
        })),
        percent: (v: number) => fmt.percent(v, 0),
        count: (v: number) => fmt.number(v)
      })
    : null;
  const table: ChartTable = {
    columns: [
      { key: 'dimensi', label: t('program.profile.col.dimensi') },
      { key: 'kategori', label: t('program.profile.col.kategori') },
      { key: 'n', label: t('program.profile.col.n'), format: num(fmt) },
      { key: 'share', label: t('program.profile.col.share'), format: pct(fmt) }
    ],
    rows: shares.flatMap((d) => d.categories.map((c) => ({ dimensi: dim(d.dimensi), kategori: catLabel(c.kategori), n: c.n, share: c.share })))
  };
  return { option, table };
}
