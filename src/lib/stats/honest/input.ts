import { StatsInputError } from '../errors';
import type { HonestInput } from './types';

/** An event-time coefficient as the event studies of this library report them. */
interface EventCoefficient {
  e: number;
  estimate: number;
}

/**
 * Turn an event study (coefficients at event times e ≠ reference, with their covariance in the
 * same order) into the input of the sensitivity analysis. HonestDiD assumes evenly spaced
 * periods: the reference must be e = −1 and the estimated event times must run without gaps
 * from the first lead to −2 and from 0 to the last lag. Works for {@link eventStudy} (`vcov`) and
 * for the Callaway–Sant'Anna dynamic aggregation with a universal base period.
 */
export function sensitivityInputFromEventStudy(byEvent: readonly EventCoefficient[], vcov: number[][], reference = -1): HonestInput {
  if (reference !== -1)
    throw new StatsInputError(
      'invalid_argument',
      `The sensitivity analysis needs the period just before adoption (e = −1) as reference; this event study uses e = ${reference}.`
    );
  if (vcov.length !== byEvent.length) throw new StatsInputError('invalid_argument', 'The covariance matrix does not match the event-study coefficients.');
  const events = byEvent.map((b) => b.e);
  for (let i = 1; i < events.length; i++)
    if (!(events[i] > events[i - 1])) throw new StatsInputError('invalid_argument', 'Event times must be in ascending order.');
  const pre = events.filter((e) => e < -1);
  const post = events.filter((e) => e >= 0);
  if (pre.length + post.length !== events.length)
    throw new StatsInputError('invalid_argument', 'The reference period e = −1 must not be among the estimated coefficients.');
  if (post.length === 0) throw new StatsInputError('too_few_post_periods', 'The event study has no post-adoption coefficient (e ≥ 0).');
  if (pre.length === 0)
    throw new StatsInputError(
      'too_few_pre_periods',
      'The sensitivity analysis needs at least one pre-adoption coefficient besides the reference period (e ≤ −2).'
    );
  const gap = (list: number[], from: number) => list.findIndex((e, i) => e !== from + i);
  if (gap(pre, pre[0]) >= 0 || pre[pre.length - 1] !== -2)
    throw new StatsInputError('invalid_argument', `Pre-adoption event times must be consecutive up to −2; got ${pre.join(', ')}.`);
  if (gap(post, 0) >= 0) throw new StatsInputError('invalid_argument', `Post-adoption event times must be consecutive from 0; got ${post.join(', ')}.`);
  return { betahat: byEvent.map((b) => b.estimate), sigma: vcov.map((row) => [...row]), numPre: pre.length, numPost: post.length };
}
