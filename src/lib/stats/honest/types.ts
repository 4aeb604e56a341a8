/**
 * An event study as the sensitivity analysis takes it: the coefficients of the pre-periods
 * (earliest first, the reference period left out) followed by those of the post-periods, with
 * their covariance. Event times must be consecutive, with the reference period just before the
 * first post-period.
 */
export interface HonestInput {
  betahat: number[];
  sigma: number[][];
  numPre: number;
  numPost: number;
}
