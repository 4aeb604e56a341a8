/**
 * impact — reproduce Dampak's impact estimates outside the browser.
 *
 *   npm run impact -- --input FILE(.csv|.parquet) --unit COL --time COL --outcome COL
 *     (--group COL | --treatment COL | --timing FILE) --method did|twfe|event|cs|sc|sdid|bjs
 *     [--control never|notyet] [--treated UNIT] [--seed N]
 *     [--inference analytic|wild|ri|jackknife|multiplier [--draws N] [--weights rademacher|webb]]
 *     [--sensitivity rm|sd [--grid 0,0.5,1] [--target first|average]]   (with --method event or cs)
 *
 * --timing FILE: the rollout from a CSV with columns kode, tahun_mulai (empty/0 = never treated)
 * and optional intensitas; `kode` names the --unit values (src/lib/rollout/timing-file.ts).
 *
 * Prints exactly one JSON object on stdout. Bad input prints one line to stderr and exits 2.
 * This file only reads and checks files; all estimation lives in src/lib/stats.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import {
  buildPanel,
  callawaySantAnna,
  estimateWarnings,
  firstTreatedPeriods,
  panelCoverage,
  csSensitivityInput,
  differenceInDifferences,
  eventStudy,
  honestSensitivity,
  imputationEstimator,
  sensitivityInputFromEventStudy,
  StatsInputError,
  syntheticControl,
  syntheticDid,
  twoWayFixedEffects,
  type Panel,
  type HonestInput,
  type PanelRow,
  type SensitivityOptions
} from '../lib/stats/index';
import { INFERENCE_FLAGS, InferenceOptionError, parseInferenceOptions, runInference, type InferenceOptions } from './impact-inference';
import { parseCsvRecords } from '../lib/pipeline/csv';
import { TIMING_COLUMNS, describeTimingIssue, validateTiming } from '../lib/rollout/timing-file';

/** Bad command line or file: reported on stderr with exit code 2, like StatsInputError. */
class CliInputError extends Error {}

const METHODS = ['did', 'twfe', 'event', 'cs', 'sc', 'sdid', 'bjs'] as const;
type Method = (typeof METHODS)[number];

interface CliOptions {
  input: string;
  unit: string;
  time: string;
  outcome: string;
  /** Column with the first treated period (0/empty = never) … */
  group?: string;
  /** … or a 0/1 column saying whether the unit is treated in that row's period … */
  treatment?: string;
  /** … or a rollout file (kode, tahun_mulai[, intensitas]). */
  timing?: string;
  method: Method;
  control: 'never' | 'notyet';
  treated?: string;
  /** Seed of random draws (SDID placebo SE); default: the estimator's own. */
  seed?: number;
  sensitivity?: Pick<SensitivityOptions, 'restriction' | 'grid' | 'target'>;
  /** `--inference …` (see impact-inference.ts). */
  inference?: InferenceOptions;
}

type Cell = string | number | null;
interface Table {
  columns: string[];
  rows: Cell[][];
}

function parseArgs(argv: string[]): CliOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) throw new CliInputError(`Unexpected argument "${flag}".`);
    const [name, inline] = flag.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliInputError(`Option --${name} needs a value.`);
    values.set(name, value);
  }
  const known = [
    'input',
    'unit',
    'time',
    'outcome',
    'group',
    'treatment',
    'timing',
    'method',
    'control',
    'treated',
    'seed',
    'sensitivity',
    'grid',
    'target',
    ...INFERENCE_FLAGS
  ];
  for (const name of values.keys()) if (!known.includes(name)) throw new CliInputError(`Unknown option --${name}.`);
  const required = (name: string) => {
    const v = values.get(name);
    if (!v) throw new CliInputError(`Missing required option --${name}.`);
    return v;
  };
  const method = required('method');
  if (!(METHODS as readonly string[]).includes(method)) throw new CliInputError(`--method must be one of ${METHODS.join(', ')}; got "${method}".`);
  const control = values.get('control') ?? 'never';
  if (control !== 'never' && control !== 'notyet') throw new CliInputError(`--control must be never or notyet; got "${control}".`);
  if (['group', 'treatment', 'timing'].filter((k) => values.has(k)).length !== 1) {
    throw new CliInputError('Give exactly one of --group (first treated period), --treatment (0/1 per row) or --timing FILE (kode, tahun_mulai).');
  }
  const seedText = values.get('seed');
  if (seedText !== undefined && !/^\d{1,9}$/.test(seedText)) throw new CliInputError(`--seed must be a non-negative integer below 10^9; got "${seedText}".`);
  return {
    input: required('input'),
    unit: required('unit'),
    time: required('time'),
    outcome: required('outcome'),
    group: values.get('group'),
    treatment: values.get('treatment'),
    timing: values.get('timing'),
    method: method as Method,
    control,
    treated: values.get('treated'),
    seed: seedText === undefined ? undefined : Number(seedText),
    sensitivity: parseSensitivity(values, method),
    inference: parseInferenceOptions(values, method)
  };
}

/**
 * `--sensitivity rm|sd [--grid m1,m2,…] [--target first|average]`, with --method event (the TWFE
 * event study) or cs (Callaway–Sant'Anna with a universal base period, never-treated controls).
 */
function parseSensitivity(values: Map<string, string>, method: string): CliOptions['sensitivity'] {
  const restriction = values.get('sensitivity');
  if (restriction === undefined) {
    for (const flag of ['grid', 'target']) if (values.has(flag)) throw new CliInputError(`--${flag} only applies with --sensitivity rm|sd.`);
    return undefined;
  }
  if (restriction !== 'rm' && restriction !== 'sd')
    throw new CliInputError(`--sensitivity must be rm (relative magnitudes) or sd (smoothness); got "${restriction}".`);
  if (method !== 'event' && method !== 'cs') throw new CliInputError(`--sensitivity needs an event study: --method event or cs; got --method ${method}.`);
  if (method === 'cs' && values.get('control') === 'notyet')
    throw new CliInputError('--sensitivity with --method cs uses never-treated comparisons; drop --control notyet.');
  const target = values.get('target') ?? 'first';
  if (target !== 'first' && target !== 'average') throw new CliInputError(`--target must be first or average; got "${target}".`);
  const gridText = values.get('grid') ?? (restriction === 'rm' ? '0,0.5,1,1.5,2' : undefined);
  if (gridText === undefined) throw new CliInputError('--sensitivity sd needs --grid with values of M (outcome units per period², e.g. --grid 0,0.01,0.02).');
  const grid = gridText.split(',').map((v) => v.trim());
  if (grid.length > 50) throw new CliInputError(`--grid takes at most 50 values; got ${grid.length}.`);
  const numbers = grid.map((v) => (/^\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ? Number(v) : NaN));
  const bad = grid.find((_, i) => !Number.isFinite(numbers[i]));
  if (bad !== undefined) throw new CliInputError(`--grid must be comma-separated numbers ≥ 0; "${bad}" is not.`);
  return { restriction, target, grid: numbers };
}

/** Records of a CSV file whose delimiter (`,` or `;`) is whichever the header line uses more. */
function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const headerOutsideQuotes = body.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  const count = (ch: string) => headerOutsideQuotes.split(ch).length - 1;
  return parseCsvRecords(body, count(';') > count(',') ? ';' : ',');
}

async function readTable(path: string): Promise<Table> {
  if (!existsSync(path)) throw new CliInputError(`Input file not found: ${path}`);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
    if (!header) throw new CliInputError(`Input file is empty: ${path}`);
    return { columns: header.map((h) => h.trim()), rows };
  }
  if (ext === '.parquet') return readParquet(path);
  throw new CliInputError(`Unsupported input type "${ext}": use .csv or .parquet.`);
}

async function readParquet(path: string): Promise<Table> {
  // Loaded lazily: the native DuckDB binding is only needed for Parquet input.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${resolve(path).replaceAll("'", "''")}')`);
    const columns = reader.columnNames();
    const rows = reader.getRowsJS().map((row) => row.map(toCell));
    return { columns, rows };
  } catch (e) {
    throw new CliInputError(`Cannot read Parquet file ${path}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/** Map table columns to panel rows, naming the row and value of anything that is not numeric. */
function toPanelRows(table: Table, options: CliOptions): PanelRow[] {
  const indexOf = (flag: string, name: string) => {
    const i = table.columns.indexOf(name);
    if (i < 0) throw new CliInputError(`Column "${name}" (--${flag}) not found; the file has: ${table.columns.join(', ')}.`);
    return i;
  };
  const unitCol = indexOf('unit', options.unit);
  const timeCol = indexOf('time', options.time);
  const outcomeCol = indexOf('outcome', options.outcome);
  const groupCol =
    options.group !== undefined ? indexOf('group', options.group) : options.treatment !== undefined ? indexOf('treatment', options.treatment) : -1;
  const number = (cell: Cell, row: number, column: string, emptyAs?: number): number => {
    const text = typeof cell === 'string' ? cell.trim() : cell;
    if ((text === null || text === '') && emptyAs !== undefined) return emptyAs;
    const value = typeof text === 'number' ? text : text === null || text === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) throw new CliInputError(`Row ${row} of the data: column "${column}" has the non-numeric value ${JSON.stringify(cell)}.`);
    return value;
  };
  const rows = table.rows.map((cells, i) => {
    const row = i + 1;
    const unit = String(cells[unitCol] ?? '').trim();
    if (unit === '') throw new CliInputError(`Row ${row} of the data: column "${options.unit}" (unit) is empty.`);
    return {
      unit,
      time: number(cells[timeCol], row, options.time),
      y: number(cells[outcomeCol], row, options.outcome),
      group: groupCol < 0 ? 0 : number(cells[groupCol], row, options.group ?? (options.treatment as string), 0)
    };
  });
  if (options.treatment === undefined) return rows;
  // With --treatment, a unit's group is its first treated period; a treatment that switches off
  // again is refused (exit 2), not silently read as absorbing.
  const firstTreated = firstTreatedPeriods(rows.map((r) => ({ unit: r.unit, time: r.time, treated: r.group })));
  return rows.map((r) => ({ ...r, group: firstTreated.get(r.unit) ?? 0 }));
}

/**
 * With --timing, every unit's group comes from the file; a region the data does not have, a
 * duplicate, or a year outside the data's periods stops the run with the file, row and column.
 */
function groupsFromTimingFile(rows: PanelRow[], file: string): { rows: PanelRow[]; regions: number; intensity: Record<string, number> } {
  if (!existsSync(file)) throw new CliInputError(`Timing file not found: ${file}`);
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'));
  const columns = (header ?? []).map((h) => h.trim());
  const col = (name: string, required: boolean) => {
    const i = columns.indexOf(name);
    if (i < 0 && required) throw new CliInputError(`Timing file ${file}: column "${name}" is missing; it has: ${columns.join(', ') || '(nothing)'}.`);
    return i;
  };
  const [k, y, n] = [col(TIMING_COLUMNS.region, true), col(TIMING_COLUMNS.start, true), col(TIMING_COLUMNS.intensity, false)];
  const units = new Set(rows.map((r) => r.unit));
  const times = rows.map((r) => r.time);
  const years = { first: Math.min(...times), last: Math.max(...times) };
  const checked = validateTiming(
    records
      .map((cells, i) => ({ cells, row: i + 2 }))
      .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
      .map(({ cells, row }) => {
        const region = (cells[k] ?? '').trim();
        return { row, region, kode: units.has(region) ? region : null, start: cells[y], intensity: n >= 0 ? cells[n] : undefined };
      }),
    years
  );
  if (checked.issues.length) {
    const more = checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : '';
    throw new CliInputError(`Timing file ${file}, ${describeTimingIssue(checked.issues[0], years)}${more}.`);
  }
  return { rows: rows.map((r) => ({ ...r, group: checked.timing[r.unit] ?? 0 })), regions: Object.keys(checked.timing).length, intensity: checked.intensity };
}

function estimate(panel: Panel, options: CliOptions): Record<string, unknown> {
  const method = options.method;
  const pointAndSe = (e: { estimate: number; se: number }) => ({ estimate: e.estimate, se: e.se });
  switch (method) {
    case 'did':
    case 'twfe': {
      const r = method === 'did' ? differenceInDifferences(panel) : twoWayFixedEffects(panel);
      return { method, estimate: r.estimate, se: r.se, ci95: r.ci95, n_units: r.nUnits, n_obs: r.nObs };
    }
    case 'event': {
      const r = eventStudy(panel);
      const out: Record<string, unknown> = {
        method,
        reference: r.reference,
        by_event: r.byEvent.map((b) => ({ e: b.e, ...pointAndSe(b) })),
        pretest: r.pretest,
        ...(r.pretestNote ? { pretest_note: r.pretestNote } : {})
      };
      if (options.sensitivity) out.sensitivity = sensitivityJson(sensitivityInputFromEventStudy(r.byEvent, r.vcov, r.reference), options.sensitivity);
      return out;
    }
    case 'cs': {
      const r = callawaySantAnna(panel, { control: options.control });
      return {
        method,
        control: r.control,
        attgt: r.attgt.map((a) => ({ group: a.group, time: a.time, ...pointAndSe(a) })),
        simple: pointAndSe(r.simple),
        group: pointAndSe(r.group),
        dynamic: { ...pointAndSe(r.dynamic), by_event: r.dynamic.byEvent.map((b) => ({ e: b.e, ...pointAndSe(b) })) },
        calendar: pointAndSe(r.calendar),
        pretest: r.pretest ? { W: r.pretest.W, p: r.pretest.p } : null,
        ...(r.pretestNote ? { pretest_note: r.pretestNote } : {}),
        ...(options.sensitivity ? { sensitivity: { base_period: 'universal', ...sensitivityJson(csSensitivityInput(panel), options.sensitivity) } } : {})
      };
    }
    case 'sc': {
      const r = syntheticControl(panel, { treated: options.treated });
      return { method, treated: r.treated, weights: r.weights, att_post_mean: r.attPostMean, gaps: r.gaps, placebo_p: r.placebo.p };
    }
    case 'sdid': {
      const r = syntheticDid(panel, { seed: options.seed });
      return {
        method,
        estimate: r.estimate,
        se: r.se,
        ci95: r.ci95,
        se_method: 'placebo',
        replications: r.replications,
        seed: r.seed,
        ...(r.seNote ? { se_note: r.seNote } : {}),
        cohorts: r.cohorts.map((c) => ({
          adoption: c.adoption,
          estimate: c.estimate,
          share: c.share,
          n_treated: c.nTreated,
          unit_weights: c.unitWeights.filter((w) => w.weight > 0),
          time_weights: c.timeWeights.filter((w) => w.weight > 0),
          effective_controls: c.effectiveControls,
          effective_pre: c.effectivePre
        })),
        n_units: r.nUnits
      };
    }
    case 'bjs': {
      const r = imputationEstimator(panel);
      return {
        method,
        estimate: r.estimate,
        se: r.se,
        ci95: r.ci95,
        by_event: r.byEvent.map((b) => ({ e: b.e, ...pointAndSe(b), n_obs: b.nObs })),
        n_units: r.nUnits,
        n_treated_obs: r.nTreatedObs,
        n_untreated_obs: r.nUntreatedObs,
        dropped: r.dropped,
        pretrend: r.pretrend,
        ...(r.pretrendNote ? { pretrend_note: r.pretrendNote } : {})
      };
    }
  }
}

/** The `"sensitivity"` object: robust intervals over the grid (null = unbounded side) and the breakdown value. */
function sensitivityJson(input: HonestInput, options: NonNullable<CliOptions['sensitivity']>): Record<string, unknown> {
  const s = honestSensitivity(input, options);
  return {
    restriction: s.restriction,
    target: s.target,
    method: s.method,
    l: s.l,
    original: s.original,
    rows: s.rows,
    breakdown: s.breakdown ?? null,
    ...(s.breakdownNote ? { breakdown_note: s.breakdownNote } : {})
  };
}

/** JSON.stringify would silently turn NaN/Infinity into null: refuse instead. */
function assertFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`internal error: ${path} is ${value}`);
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

async function main(): Promise<void> {
  try {
    const options = parseArgs(process.argv.slice(2));
    const table = await readTable(options.input);
    let rows = toPanelRows(table, options);
    // Which rollout the estimate used, stated in every output.
    let timing: Record<string, unknown> =
      options.group !== undefined ? { source: 'group_column', column: options.group } : { source: 'treatment_column', column: options.treatment };
    if (options.timing !== undefined) {
      const t = groupsFromTimingFile(rows, options.timing);
      rows = t.rows;
      timing = { source: 'file', file: options.timing, treated_units: t.regions, ...(Object.keys(t.intensity).length ? { intensity: t.intensity } : {}) };
    }
    const panel = buildPanel(rows);
    const result: Record<string, unknown> = { ...estimate(panel, options), timing };
    if (options.inference) {
      result.inference = runInference(panel, options.inference, {
        method: options.method,
        control: options.control,
        treated: options.treated,
        seed: options.seed
      });
    }
    const coverage = panelCoverage(panel);
    result.coverage = { used: coverage.used.length, missing: coverage.missing };
    const warnings = estimateWarnings(panel, { se: typeof result.se === 'number' ? result.se : null });
    if (warnings.length) result.warnings = warnings;
    assertFinite(result);
    process.stdout.write(JSON.stringify(result) + '\n');
  } catch (e) {
    const inputProblem = e instanceof CliInputError || e instanceof StatsInputError || e instanceof InferenceOptionError;
    process.stderr.write(`impact: ${inputProblem ? '' : 'internal error: '}${(e as Error).message}\n`);
    process.exitCode = inputProblem ? 2 : 1;
  }
}

await main();
