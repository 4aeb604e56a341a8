/**
 * What the page derives from the catalogue and the choices: the sentence context in the current
 * language, the short outcome name, file names and the pickers' options.
 */
import { t, type Lang, type MessageKey } from '$lib/i18n';
import type { Catalogue, ProgrammeInputs } from './inputs';
import type { Choices } from './params';
import { timingParamValue } from './timing-choice';
import type { TextContext } from './text';
import type { WorkbenchRequest } from './types';

export function textContext(catalogue: Catalogue, choices: Choices, lang: Lang): TextContext | null {
  const indicator = catalogue.indicators.get(choices.outcome.indikator);
  const programme = catalogue.programmes.find((p) => p.id === choices.program);
  if (!indicator || !programme) return null;
  const regionName = (kode: string) => catalogue.regions.find((r) => r.kode === kode)?.nama_pendek ?? kode;
  return {
    lang,
    program: programme.singkatan,
    programId: programme.id,
    outcome: lang === 'en' ? indicator.nama_en : indicator.nama,
    outcomeId: indicator.id,
    unit: lang === 'en' ? indicator.satuan_en : indicator.satuan,
    periode: t(`impact.periode.${choices.outcome.periode}` as MessageKey, {}, lang),
    betterDirection: indicator.arah_baik,
    decimals: indicator.desimal,
    // Demo only when the rollout comes from the demo disbursements (not the public record or a file).
    demo: choices.timing.kind === 'disbursement' && catalogue.demoTiming,
    regionName,
    snapshot: catalogue.snapshot,
    source: choices.outcome.user ? indicator.sumber : 'BPS'
  };
}

/** The outcome as the headline says it: "P0" for the poverty rate, else the indicator's name. */
export function shortOutcome(c: TextContext): string {
  return c.outcomeId === 'p0' ? 'P0' : c.outcome;
}

/** Base of every download's file name, e.g. "dampak-pkh_plus-p0-cs". */
export const fileBase = (choices: Choices) =>
  `dampak-${choices.program}-${choices.outcome.indikator.replace(':', '-')}-${choices.method}${choices.timing.kind === 'disbursement' ? '' : `-${timingParamValue(choices.timing).replace(':', '-')}`}`;

/** Adoption years inside the window (DiD cohort picker). */
export function cohortsInWindow(choices: Choices, inputs: ProgrammeInputs): number[] {
  return [...new Set(Object.values(inputs.timing))].filter((g) => g > choices.from && g <= choices.to).sort((a, b) => a - b);
}

/** Regions that start inside the window (synthetic-control picker). */
export function treatedRegions(choices: Choices, inputs: ProgrammeInputs, catalogue: Catalogue): { kode: string; nama: string; group: number }[] {
  return catalogue.regions.flatMap((r) => {
    const g = inputs.timing[r.kode];
    return g !== undefined && g > choices.from && g <= choices.to ? [{ kode: r.kode, nama: r.nama_pendek, group: g }] : [];
  });
}

/** The request for the worker from the current choices and loaded inputs. */
export function buildRequest(choices: Choices, inputs: ProgrammeInputs, catalogue: Catalogue): WorkbenchRequest {
  return {
    method: choices.method,
    control: choices.control,
    from: choices.from,
    to: choices.to,
    cohort: choices.cohort,
    treatedUnit: choices.treatedUnit,
    outcome: inputs.outcome,
    timing: inputs.timing,
    timingSource: inputs.source,
    unknownStart: inputs.unknown.map((u) => ({ kode: u.kode, lo: u.lo })),
    unknownHandling: choices.unknown,
    inference: choices.inference,
    regions: catalogue.regions.map((r) => r.kode),
    disbursed: inputs.disbursed,
    // "Rupiah per person lifted out of poverty" only makes sense for the poverty rate.
    population: choices.outcome.indikator === 'p0' ? catalogue.population : {},
    betterDirection: catalogue.indicators.get(choices.outcome.indikator)?.arah_baik ?? 'neutral'
  };
}
