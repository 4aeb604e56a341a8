/**
 * Dampak impact-evaluation statistics: pure TypeScript (no DOM, no Node APIs) so the same code
 * runs in a browser Web Worker and in the `impact` CLI.
 *
 * Typical use: `const panel = buildPanel(rows)` once, then any estimator on `panel`. Every
 * estimator throws {@link StatsInputError} for unusable input and otherwise returns finite
 * numbers, or null together with a note saying why a quantity is not defined.
 *
 * @packageDocumentation
 */

/** Error thrown for unusable input, with a machine-readable `code` and an English message. */
export { StatsInputError } from './errors';
/** Codes carried by {@link StatsInputError} (e.g. 'unbalanced', 'no_comparison'). */
export type { StatsErrorCode } from './errors';

/** Validate and index raw panel rows: `buildPanel(rows: PanelRow[]): Panel`. */
export { buildPanel } from './panel';
/** Input row `{ unit, time, y, group }` (group = first treated period, 0 = never) and the indexed panel. */
export type { PanelRow, Panel, PanelObservation } from './panel';

/** Point estimate with SE, 95 % interval and p-value; `summarize(estimate, se, df?)` builds one. */
export { summarize } from './inference';
/** Shapes shared by all estimators. */
export type { Estimate, WaldTest } from './inference';

/** Per-unit and overall before/after change: `prePostChange(panel, cutoff?)`. */
export { prePostChange } from './prepost';
/** Result shapes of {@link prePostChange}. */
export type { PrePostResult, UnitChange } from './prepost';

/** Canonical 2×2 difference-in-differences, SE clustered by unit: `differenceInDifferences(panel)`. */
export { differenceInDifferences } from './did';
/** Result of {@link differenceInDifferences}. */
export type { DidResult } from './did';

/** Two-way fixed effects y ~ D | unit + period, clustered SE (fixest CR1): `twoWayFixedEffects(panel)`. */
export { twoWayFixedEffects } from './twfe';
/** Result of {@link twoWayFixedEffects}. */
export type { RegressionEffect } from './twfe';

/** Leads/lags event study with a joint Wald pre-trend test: `eventStudy(panel)`. */
export { eventStudy } from './eventstudy';
/** Results of {@link eventStudy}. */
export type { EventStudyResult, EventTimeEffect } from './eventstudy';

/** Callaway–Sant'Anna group-time ATTs, aggregations and pre-test: `callawaySantAnna(panel, { control })`. */
export { callawaySantAnna } from './cs';
/** Options and results of {@link callawaySantAnna}. */
export type { CsOptions, CsResult, CsPretest, GroupTimeEffect, ComparisonGroup } from './cs';
/** The simple/group/dynamic/calendar aggregations inside {@link CsResult}. */
export type { CsAggregations } from './csaggregate';

/** Synthetic control with placebo-in-space p-value: `syntheticControl(panel, { treated })`. */
export { syntheticControl } from './synth';
/** Options and result of {@link syntheticControl}. */
export type { SyntheticControlOptions, SyntheticControlResult } from './synth';

/**
 * Sensitivity to violations of parallel trends (Rambachan & Roth 2023, HonestDiD): relative
 * magnitudes (C-LF) or smoothness (FLCI) over a grid, with the breakdown value:
 * `honestSensitivity(sensitivityInputFromEventStudy(es.byEvent, es.vcov), { restriction: 'rm', grid: [0, 0.5, 1] })`.
 */
export { honestSensitivity } from './honest/sensitivity';
/** Options and results of {@link honestSensitivity}. */
export type { SensitivityOptions, SensitivityResult, SensitivityRow, SensitivityRestriction, SensitivityTarget } from './honest/sensitivity';
/** Event-study coefficients and covariance as {@link honestSensitivity} takes them (pre first, reference left out). */
export { sensitivityInputFromEventStudy } from './honest/input';
export type { HonestInput } from './honest/types';
/**
 * Callaway–Sant'Anna event study with a universal base period and its influence-function
 * covariance (R did + honest_did), and the sensitivity input built from it.
 */
export { csUniversalEventStudy, csSensitivityInput } from './honest/csinput';
export type { CsUniversalEventStudy, CsEventEffect } from './honest/csinput';

/**
 * Synthetic difference-in-differences (Arkhangelsky et al. 2021, R synthdid), per adoption cohort
 * and averaged by treated cells, with placebo SE: `syntheticDid(panel, { seed })`; the point
 * estimate alone for randomization inference: `syntheticDidEstimate(panel)`.
 */
export { syntheticDid, syntheticDidEstimate } from './sdid';
/** Options and results of {@link syntheticDid}. */
export type { SdidOptions, SdidResult, SdidCohort, SdidSolver } from './sdid';

/**
 * Imputation estimator of Borusyak, Jaravel & Spiess (2024) with event-time effects and their
 * conservative clustered SEs, unbalanced panels allowed: `imputationEstimator(panel)`; the ATT
 * alone for randomization inference: `imputationEstimate(panel)`.
 */
export { imputationEstimator, imputationEstimate } from './imputation';
/** Results of {@link imputationEstimator}. */
export type { ImputationResult, ImputationEventEffect } from './imputation';

/** Rupiah per percentage point (and per person) of improvement, with interval: `costPerEffect(input)`. */
export { costPerEffect } from './cost';
/** Input and result shapes of {@link costPerEffect}. */
export type { CostEffectInput, CostEffectResult, CostRatio } from './cost';

/** Distribution functions used for intervals and tests. */
export { normalCdf, normalQuantile, chiSquareCdf, chiSquareSurvival, studentTCdf, studentTQuantile } from './distributions';

/** Lower-level building block: OLS with cluster-robust (CR1, fixest) covariance. */
export { olsClustered } from './ols';
/** Result of {@link olsClustered}. */
export type { ClusteredOls } from './ols';
/** Within transformation for unit + period fixed effects (alternating projections). */
export { demeanTwoWay } from './within';
/** Dense simplex method for small linear programs in equality form (x ≥ 0, Ax = b). */
export { EqualityPolytope, maximizeLp } from './lp';
export type { LpSolution } from './lp';
/** Least squares on the probability simplex (synthetic-control weights). */
export { minimizeQuadraticOnSimplex, projectOntoSimplex } from './simplex';

// ── Inference that holds with few clusters (issue 10 §1) ──────────────────────────────────────

/** Which unit-periods an estimate used and which were missing: `panelCoverage(panel, units?)`. */
export { panelCoverage, MAX_ABS_OUTCOME } from './panel';
/** Shapes of {@link panelCoverage} (also the `coverage` field of every panel estimator's result). */
export type { PanelCoverage, PanelCell } from './panel';
/** Group-time cells left out of an unbalanced CS estimate, and the per-unit influence functions. */
export type { SkippedCell, GroupTimeInfluence } from './cs';
/** Event-time aggregates of CS with their influence functions (covariance = IF'IF/n²): `eventTimeAggregates(result.attgt, result.influence)`. */
export { eventTimeAggregates } from './csaggregate';
/** The event-study indicators shared by {@link eventStudy} and its wild bootstrap. */
export { eventStudyRegressors } from './eventstudy';

/** Seeded PRNG (sfc32) used by every resampling method: `seededRandom(seed)`. */
export { seededRandom, DEFAULT_SEED } from './random';

/**
 * Wild cluster restricted bootstrap (null imposed, clusters = units; Rademacher or Webb weights,
 * full enumeration when 2^G ≤ draws), p-value and interval by test inversion:
 * `wildBootstrapTwfe(panel, { draws, seed, weights })`, `wildBootstrapDid`, `wildBootstrapEventStudy`.
 */
export { wildBootstrapTwfe, wildBootstrapDid, wildBootstrapEventStudy } from './wildpanel';
/** Result of {@link wildBootstrapEventStudy}'s per-coefficient tests. */
export type { EventTimeWildTest } from './wildpanel';
/** The bootstrap on any fitted {@link ClusterDesign}: `wildClusterBootstrap(fit, coefficientIndex, options)`. */
export { wildClusterBootstrap, DEFAULT_DRAWS, MAX_DRAWS } from './wild';
/** Options and result of the wild bootstrap. */
export type { WildBootstrapOptions, WildBootstrapTest, BootstrapWeights } from './wild';
/** Regressions with explicit nuisance columns and per-cluster pieces (for bootstrap/jackknife). */
export { twoWayDesign, plainDesign, fitDesign } from './clusterdesign';
/** Shapes of the explicit designs. */
export type { ClusterDesign, FittedDesign } from './clusterdesign';

/** Cluster jackknife (CV3) standard errors with t(G−1) intervals: `jackknifeTwfe(panel)`, `jackknifeDid(panel)`. */
export { jackknifeTwfe, jackknifeDid, clusterJackknife } from './jackknife';
/** Result of the jackknife. */
export type { JackknifeResult } from './jackknife';

/**
 * Randomization inference over adoption timing with any `(panel) => number` estimator:
 * `randomizationInference(panel, twfePoint, { draws, seed, onProgress, signal })`; the async form
 * yields to the event loop between chunks (for a cancellable Web Worker).
 */
export { randomizationInference, randomizationInferenceAsync, countDistinctAssignments, StatsCancelledError } from './randomization';
/** Options and result of randomization inference. */
export type { RandomizationOptions, RandomizationResult } from './randomization';
/** Cheap point estimates for re-estimation (equal to the full estimators' `estimate`). */
export { twfePoint, didPoint, csSimplePoint } from './point';
/** The estimator shape randomization inference takes: `(panel: Panel) => number`. */
export type { PanelEstimator } from './point';

/** Callaway–Sant'Anna multiplier bootstrap with the uniform event-study band (R did's mboot): `csMultiplierBootstrap(csResult, { draws, seed })`. */
export { csMultiplierBootstrap } from './csbootstrap';
/** Options and result of {@link csMultiplierBootstrap}. */
export type { CsBootstrapOptions, CsUniformBand, BootstrapEstimate } from './csbootstrap';
/** Synthetic-control effect without placebo fits (for randomization inference): `syntheticControlPoint(panel)`. */
export { syntheticControlPoint } from './synth';
/** Least squares on the simplex over a sub-matrix of a shared Gram matrix (exact active set). */
export { minimizeQuadraticOnSimplexIndexed } from './simplex';

/** Each unit's first treated period from a 0/1 column; refuses a treatment that switches off: `firstTreatedPeriods(rows)`. */
export { firstTreatedPeriods } from './treatment';
/** Row shape of {@link firstTreatedPeriods}. */
export type { IndicatorRow } from './treatment';
/** Warnings about a valid but weak estimate (constant outcome, zero SE, one treated unit): `estimateWarnings(panel, { se })`. */
export { estimateWarnings } from './diagnostics';
/** Fewest units (clusters) for a clustered standard error (3). */
export { MIN_CLUSTERS } from './ols';
