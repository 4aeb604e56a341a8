/**
 * Wild cluster restricted bootstrap (clusters = units) for the panel estimators: two-way fixed
 * effects, the 2×2 difference-in-differences and every event-study coefficient.
 */
import { didDesignFit, eventStudyDesignFit, twfeDesignFit } from './paneldesigns';
import type { Panel } from './panel';
import { wildClusterBootstrap, type WildBootstrapOptions, type WildBootstrapTest } from './wild';

/** Wild bootstrap test and interval for the TWFE effect of {@link twoWayFixedEffects}. */
export function wildBootstrapTwfe(panel: Panel, options: WildBootstrapOptions = {}): WildBootstrapTest {
  const { fit, j } = twfeDesignFit(panel);
  return wildClusterBootstrap(fit, j, options);
}

/** Wild bootstrap test and interval for the 2×2 effect of {@link differenceInDifferences}. */
export function wildBootstrapDid(panel: Panel, options: WildBootstrapOptions = {}): WildBootstrapTest {
  const { fit, j } = didDesignFit(panel);
  return wildClusterBootstrap(fit, j, options);
}

/** One event-study coefficient with its own wild bootstrap test (null imposed on that coefficient). */
export interface EventTimeWildTest extends WildBootstrapTest {
  e: number;
}

/**
 * Wild bootstrap for every coefficient of {@link eventStudy}: each is tested with the null
 * imposed on it alone (pointwise p-values and intervals, not a joint band); the same weight
 * vectors are used for all of them.
 */
export function wildBootstrapEventStudy(panel: Panel, options: WildBootstrapOptions = {}): { reference: number; byEvent: EventTimeWildTest[] } {
  const { fit, estimated, reference } = eventStudyDesignFit(panel);
  return { reference, byEvent: estimated.map((e, j) => ({ e, ...wildClusterBootstrap(fit, j, options) })) };
}
