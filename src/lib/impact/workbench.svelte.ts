/**
 * The workbench's state: catalogue → programme inputs → estimate, each step re-run only when its
 * own choices change. Choices are read from the URL; estimation goes to the worker, and a newer
 * request cancels an older one. Create it during component initialisation (it owns effects).
 */
import { page } from '$app/state';
import { t } from '$lib/i18n';
import { run } from '$lib/db';
import { userOutcomeRows } from '$lib/queries/impact';
import { userTables } from '$lib/upload/store.svelte';
import { EstimateCancelled, EstimateFailed, cancelEstimate, estimateInWorker, robustnessInWorker } from './client';
import type { RobustnessResult } from './robustness';
import type { OutcomeCoverage } from './coverage';
import { inputsKey, loadCatalogue, loadProgrammeInputs, type Catalogue, type ProgrammeInputs } from './inputs';
import { P, readChoices, type Choices } from './params';
import { buildRequest } from './context';
import type { ProgressStep, WorkbenchResult } from './types';
import { readUserChoice, specKey, userCoverage, userIndicator, type UserOutcomeSpec } from './user-outcome';

export class Workbench {
  /** The snapshot's catalogue; `catalogue` adds the uploaded outcome the URL asks for, once read. */
  base = $state.raw<Catalogue | null>(null);
  catalogueError = $state<unknown>(null);
  inputs = $state.raw<ProgrammeInputs | null>(null);
  inputsError = $state<unknown>(null);
  result = $state.raw<WorkbenchResult | null>(null);
  runError = $state<EstimateFailed | null>(null);
  running = $state(false);
  /** The user stopped the last run; `rerun()` starts it again. */
  cancelled = $state(false);
  /** The robustness table (every estimator and inference), computed after the estimate. */
  robust = $state.raw<RobustnessResult | null>(null);
  robustRunning = $state(false);
  robustProgress = $state(0);
  robustError = $state<EstimateFailed | null>(null);
  /** Whether the robustness table is computed (the report and the workbench's table ask for it). */
  wantRobustness = true;
  progress = $state<{ step: ProgressStep; fraction: number }>({ step: 'panel', fraction: 0 });

  /** The uploaded table's years for the URL's table and columns (null coverage: under two years). */
  userOutcome = $state.raw<{ key: string; coverage: OutcomeCoverage | null } | null>(null);
  readonly userChoice = $derived(readUserChoice(page.url.searchParams, P.outcome, userTables));

  readonly catalogue = $derived.by((): Catalogue | null => {
    const base = this.base;
    const u = this.userChoice;
    const coverage = u.status === 'ok' && this.userOutcome?.key === specKey(u.spec) ? this.userOutcome.coverage : null;
    if (!base || !coverage?.user) return base;
    const s = coverage.user;
    const words = {
      name: t('impact.user.outcome', { table: s.table, column: s.value }, 'id'),
      nameEn: t('impact.user.outcome', { table: s.table, column: s.value }, 'en'),
      unit: t('impact.user.unit', {}, 'id'),
      unitEn: t('impact.user.unit', {}, 'en'),
      source: t('impact.user.source', { file: s.file })
    };
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a fresh value of this derived, never mutated
    return { ...base, outcomes: [...base.outcomes, coverage], indicators: new Map([...base.indicators, [s.id, userIndicator(s, words)]]) };
  });

  /**
   * Choices from the URL. An uploaded outcome waits for its years; one this tab does not have
   * (the page was reloaded) or that has too few years falls back to the default outcome, and
   * `fileMissing` / `fileUnusable` let the page say why.
   */
  readonly read = $derived.by(() => {
    const c = this.catalogue;
    if (!c) return null;
    const u = this.userChoice;
    let params = page.url.searchParams;
    const pending = u.status === 'ok' && this.userOutcome?.key !== specKey(u.spec);
    if (pending) return null;
    const unusable = u.status === 'ok' && !this.userOutcome?.coverage;
    if (u.status === 'missing' || unusable) {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local copy read once, not state
      params = new URLSearchParams(params);
      for (const k of [P.outcome, P.from, P.to]) params.delete(k);
    }
    const r = readChoices(
      params,
      c.programmes.map((p) => p.id),
      c.outcomes,
      userTables
    );
    if (!r) return null;
    return {
      ...r,
      timingFileMissing: r.timingFileMissing,
      invalid: [...(u.status === 'ok' && !unusable ? u.invalid : []), ...r.invalid],
      fileMissing: u.status === 'missing' ? u.table : null,
      fileUnusable: unusable && u.status === 'ok' ? u.spec.table : null
    };
  });
  readonly choices = $derived(this.read?.choices ?? null);

  #inputsKey = '';
  #requestKey = '';

  constructor() {
    // The uploaded outcome's years, read again only when its table or columns change.
    $effect(() => {
      const u = this.userChoice;
      if (u.status === 'ok' && this.base) this.#loadUserOutcome(u.spec, this.base.regions.length);
    });
    // Programme × outcome inputs: reloaded only when one of them changes.
    $effect(() => {
      const choices = this.choices;
      if (choices) this.#loadInputs(choices);
    });
    // Every other change of a choice re-estimates (not a language switch: it is not in the key).
    $effect(() => {
      const { choices, inputs, catalogue } = this;
      if (choices && inputs && catalogue && inputs.key === this.#inputsKey) this.#estimate(choices, inputs, catalogue);
    });
  }

  /** Stop a long run (e.g. randomization inference over many assignments). */
  cancel(): void {
    if (!cancelEstimate()) return;
    this.running = false;
    this.robustRunning = false;
    this.cancelled = true;
    this.#requestKey = '';
  }

  /** Run the current choices again after a cancel. */
  rerun(): void {
    const { choices, inputs, catalogue } = this;
    this.cancelled = false;
    if (choices && inputs && catalogue) this.#estimate(choices, inputs, catalogue);
  }

  load(): void {
    this.catalogueError = null;
    loadCatalogue().then(
      (c) => (this.base = c),
      (e) => (this.catalogueError = e)
    );
  }

  #userKey = '';

  #loadUserOutcome(spec: UserOutcomeSpec, nRegions: number): void {
    const key = specKey(spec);
    if (key === this.#userKey) return;
    this.#userKey = key;
    run(userOutcomeRows(spec)).then(
      (rows) => key === this.#userKey && (this.userOutcome = { key, coverage: userCoverage(rows, spec, nRegions) }),
      (e) => key === this.#userKey && (this.catalogueError = e)
    );
  }

  #loadInputs({ program, outcome, timing }: Choices): void {
    const key = inputsKey(program, outcome, timing);
    if (key === this.#inputsKey || !this.base) return;
    this.#inputsKey = key;
    this.inputs = null;
    this.inputsError = null;
    loadProgrammeInputs(
      program,
      outcome,
      timing,
      this.base.regions.map((r) => r.kode),
      this.base.demoTiming
    ).then(
      (v) => key === this.#inputsKey && (this.inputs = v),
      (e) => key === this.#inputsKey && (this.inputsError = e)
    );
  }

  #estimate(choices: Choices, inputs: ProgrammeInputs, catalogue: Catalogue): void {
    const key = JSON.stringify([
      inputs.key,
      choices.method,
      choices.control,
      choices.from,
      choices.to,
      choices.cohort,
      choices.treatedUnit,
      choices.inference,
      choices.unknown
    ]);
    if (key === this.#requestKey) return;
    this.#requestKey = key;
    // A rollout file with problems is not estimated on: the page lists them (row, column).
    if (inputs.issues.length) {
      this.result = null;
      this.running = false;
      this.runError = null;
      return;
    }
    this.running = true;
    this.cancelled = false;
    this.runError = null;
    this.progress = { step: 'panel', fraction: 0 };
    const request = buildRequest(choices, inputs, catalogue);
    this.robust = null;
    this.robustError = null;
    estimateInWorker(request, (step, fraction) => (this.progress = { step, fraction })).then(
      (r) => {
        this.result = r;
        this.running = false;
        if (this.wantRobustness) this.#robustness(request);
      },
      (e) => {
        if (e instanceof EstimateCancelled) return;
        this.runError = e instanceof EstimateFailed ? e : new EstimateFailed({ code: 'internal', message: String(e) });
        this.running = false;
      }
    );
  }

  #robustness(request: ReturnType<typeof buildRequest>): void {
    this.robustRunning = true;
    this.robustProgress = 0;
    robustnessInWorker(request, (_step, fraction) => (this.robustProgress = fraction)).then(
      (r) => {
        this.robust = r;
        this.robustRunning = false;
      },
      (e) => {
        if (e instanceof EstimateCancelled) return;
        this.robustError = e instanceof EstimateFailed ? e : new EstimateFailed({ code: 'internal', message: String(e) });
        this.robustRunning = false;
      }
    );
  }
}
