/**
 * Normal draws identical to R's `set.seed(seed); rnorm(n)` (Mersenne-Twister, Inversion, the R
 * defaults) and to `mvtnorm::rmvnorm(n, sigma)` (symmetric square root by eigen-decomposition).
 *
 * Why replicate R's generator: HonestDiD's least-favourable critical value is the 99.5th
 * percentile of 1,000 simulated draws (seed 0). With so few draws the percentile moves by a few
 * per cent from one seed to the next, and with it the confidence sets; drawing the very same
 * numbers makes the published HonestDiD intervals reproducible instead of merely close.
 */
import { symmetricSquareRoot } from './eigen';

const N = 624;
const M = 397;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const MATRIX_A = 0x9908b0df;
const I2_32M1 = 2.328306437080797e-10; // 1 / (2^32 − 1)

/** R's Mersenne-Twister uniform stream after `set.seed(seed)`. */
export class RMersenneTwister {
  private readonly mt = new Uint32Array(N);
  private mti = N;

  constructor(seed: number) {
    // R's RNG_Init: 50 rounds of an LCG scramble the seed, then the LCG fills the state.
    let s = seed >>> 0;
    for (let j = 0; j < 50; j++) s = (Math.imul(69069, s) + 1) >>> 0;
    // The first of the 625 seeds is R's position counter (overwritten by FixupSeeds with 624).
    s = (Math.imul(69069, s) + 1) >>> 0;
    for (let j = 0; j < N; j++) {
      s = (Math.imul(69069, s) + 1) >>> 0;
      this.mt[j] = s;
    }
    this.mti = N;
  }

  /** unif_rand(): a double in (0, 1). */
  uniform(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    const u = (y >>> 0) * 2.3283064365386963e-10;
    if (u <= 0) return 0.5 * I2_32M1;
    if (1 - u <= 0) return 1 - 0.5 * I2_32M1;
    return u;
  }

  /** norm_rand() with R's default "Inversion": two uniforms for 2^27-level resolution. */
  normal(): number {
    const big = 134217728;
    let u = this.uniform();
    u = Math.trunc(big * u) + this.uniform();
    return qnormAs241(u / big);
  }
}

/**
 * Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16), the algorithm of R's `qnorm`, so that the
 * draws equal R's to the last bits.
 */
export function qnormAs241(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** The first `count` values of `set.seed(seed); rnorm(count)`, cached per seed (the same stream serves every polytope). */
const normalStreams = new Map<number, { rng: RMersenneTwister; values: number[] }>();
export function rNormals(seed: number, count: number): number[] {
  let stream = normalStreams.get(seed);
  if (!stream) {
    if (normalStreams.size > 8) normalStreams.clear();
    stream = { rng: new RMersenneTwister(seed), values: [] };
    normalStreams.set(seed, stream);
  }
  while (stream.values.length < count) stream.values.push(stream.rng.normal());
  return stream.values;
}

/**
 * `set.seed(seed); mvtnorm::rmvnorm(n, sigma = sigma)`: row i of the result is draw i. The
 * standard normals fill an n × p matrix by row, which is multiplied by Σ^{1/2} (symmetric).
 */
export function rmvnormLikeR(n: number, sigma: number[][], seed: number): number[][] {
  const p = sigma.length;
  const root = symmetricSquareRoot(sigma);
  const normals = rNormals(seed, n * p);
  const draws: number[][] = [];
  const z = new Array<number>(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) z[j] = normals[i * p + j];
    const row = new Array<number>(p).fill(0);
    for (let k = 0; k < p; k++) {
      const zk = z[k];
      if (zk === 0) continue;
      const rk = root[k];
      for (let j = 0; j < p; j++) row[j] += zk * rk[j];
    }
    draws.push(row);
  }
  return draws;
}

/** R's default quantile (type 7: linear interpolation between order statistics). */
export function quantileType7(values: number[], prob: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * `sample(1:n)` of R ≥ 3.6 (sample.kind "Rejection"): a random permutation of 0 … n−1 (0-based),
 * drawing indices below n by rejection from the next power of two, 16 bits per uniform.
 */
export function rSamplePermutation(rng: RMersenneTwister, n: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  let remaining = n;
  for (let i = 0; i < n; i++) {
    const j = rUnifIndex(rng, remaining);
    out.push(pool[j]);
    pool[j] = pool[--remaining];
  }
  return out;
}

function rUnifIndex(rng: RMersenneTwister, dn: number): number {
  if (dn <= 0) return 0;
  const bits = Math.ceil(Math.log2(dn));
  for (;;) {
    // rbits(bits): 16 bits per uniform, most significant first, masked to `bits`.
    let v = 0n;
    for (let n = 0; n <= bits; n += 16) {
      const v1 = BigInt(Math.floor(rng.uniform() * 65536));
      v = 65536n * v + v1;
    }
    const dv = Number(v & ((1n << BigInt(bits)) - 1n));
    if (dn > dv) return dv;
  }
}
