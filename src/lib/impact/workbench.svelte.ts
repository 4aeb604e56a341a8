/**
 * The workbench's state: catalogue → programme inputs → estimate, each step re-run only when its
 * own choices change. Choices are read from the URL; estimation goes to the worker, and a newer
 * request cancels an older one. Create it during component initialisation (it owns effects).
 */
import { page } from '$app/state';
import { EstimateCancelled, EstimateFailed, estimateInWorker } from './client';
import { loadCatalogue, loadProgrammeInputs, type Catalogue, type ProgrammeInputs } from './inputs';
import { readChoices, type Choices } from './params';
import { buildRequest } from './context';
import type { ProgressStep, WorkbenchResult } from './types';

export class Workbench {
  catalogue = $state.raw<Catalogue | null>(null);
  catalogueError = $state<unknown>(null);
  inputs = $state.raw<ProgrammeInputs | null>(null);
  inputsError = $state<unknown>(null);
  result = $state.raw<WorkbenchResult | null>(null);
  runError = $state<EstimateFailed | null>(null);
  running = $state(false);
  progress = $state<{ step: ProgressStep; fraction: number }>({ step: 'panel', fraction: 0 });

  readonly read = $derived(this.catalogue ? readChoices(page.url.searchParams, this.catalogue.programmes.map((p) => p.id), this.catalogue.outcomes) : null);
  readonly choices = $derived(this.read?.choices ?? null);

  #inputsKey = '';
  #requestKey = '';

  constructor() {
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

  load(): void {
    this.catalogueError = null;
    loadCatalogue().then(
      (c) => (this.catalogue = c),
      (e) => (this.catalogueError = e)
    );
  }

  #loadInputs({ program, outcome }: Choices): void {
    const key = `${program}|${outcome.indikator}|${outcome.periode}`;
    if (key === this.#inputsKey) return;
    this.#inputsKey = key;
    this.inputs = null;
    this.inputsError = null;
    loadProgrammeInputs(program, outcome.indikator, outcome.periode).then(
      (v) => key === this.#inputsKey && (this.inputs = v),
      (e) => key === this.#inputsKey && (this.inputsError = e)
    );
  }

  #estimate(choices: Choices, inputs: ProgrammeInputs, catalogue: Catalogue): void {
    const key = JSON.stringify([inputs.key, choices.method, choices.control, choices.from, choices.to, choices.cohort, choices.treatedUnit]);
    if (key === this.#requestKey) return;
    this.#requestKey = key;
    this.running = true;
    this.runError = null;
    this.progress = { step: 'panel', fraction: 0 };
    estimateInWorker(buildRequest(choices, inputs, catalogue), (step, fraction) => (this.progress = { step, fraction })).then(
      (r) => {
        this.result = r;
        this.running = false;
      },
      (e) => {
        if (e instanceof EstimateCancelled) return;
        this.runError = e instanceof EstimateFailed ? e : new EstimateFailed({ code: 'internal', message: String(e) });
        this.running = false;
      }
    );
  }
}
