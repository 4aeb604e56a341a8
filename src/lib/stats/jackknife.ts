/**
 * Cluster jackknife (CV3) standard errors: re-estimate leaving out one cluster (unit) at a time,
 * V = (G−1)/G · Σ_g (β̂_(g) − β̂)² (MacKinnon, Nielsen & Webb 2023, "Fast and reliable jackknife
 * and bootstrap methods for cluster-robust inference"; the CV3 of R summclust). It is
 * conservative where CR1 over-rejects: with few or unequal clusters. Each leave-one-out fit reuses
 * the per-cluster cross products (W'W − W_g'W_g)⁻¹(W'y − W_g'y_g), so it costs O(G·K³).
 */
import { crossProduct, gram, type FittedDesign } from './clusterdesign';
import { StatsInputError } from './errors';
import { summarize, type Estimate } from './inference';
import { invert } from './linalg';
import { didDesignFit, twfeDesignFit } from './paneldesigns';
import type { Panel } from './panel';

/** A CV3 jackknife estimate with a t(G−1) interval. */
export interface JackknifeResult extends Estimate {
  /** Leave-one-unit-out estimates, in the order of `Panel.units`. */
  leaveOneOut: number[];
  nClusters: number;
  /** Degrees of freedom of the t reference (G − 1). */
  df: number;
}

/** CV3 standard error of coefficient `j`; `labels[g]` names cluster g in messages. */
export function clusterJackknife(fit: FittedDesign, j: number, labels: readonly string[]): JackknifeResult {
  const { columns, y } = fit.design;
  const G = fit.rowsOf.length;
  if (G < 3) throw new StatsInputError('too_few_clusters', `The cluster jackknife needs at least 3 units; the sample has ${G}.`);
  const total = gram(columns);
  const totalXty = crossProduct(columns, y);
  const leaveOneOut = fit.rowsOf.map((rows, g) => {
    const part = gram(columns, rows);
    const partXty = crossProduct(columns, y, rows);
    const inverse = invert(total.map((row, a) => row.map((v, b) => v - part[a][b])));
    if (!inverse) {
      throw new StatsInputError(
        'singular',
        `The cluster jackknife is not defined: without unit "${labels[g]}" the effect is not identified (for example it is the only treated or the only comparison unit).`
      );
    }
    return inverse[j].reduce((s, v, l) => s + v * (totalXty[l] - partXty[l]), 0);
  });
  const estimate = fit.coef[j];
  const variance = ((G - 1) / G) * leaveOneOut.reduce((s, b) => s + (b - estimate) ** 2, 0);
  return { ...summarize(estimate, Math.sqrt(variance), G - 1), leaveOneOut, nClusters: G, df: G - 1 };
}

/** CV3 jackknife for the effect of {@link twoWayFixedEffects}. */
export function jackknifeTwfe(panel: Panel): JackknifeResult {
  const { fit, j } = twfeDesignFit(panel);
  return clusterJackknife(fit, j, panel.units);
}

/** CV3 jackknife for the effect of {@link differenceInDifferences}. */
export function jackknifeDid(panel: Panel): JackknifeResult {
  const { fit, j } = didDesignFit(panel);
  return clusterJackknife(fit, j, panel.units);
}
