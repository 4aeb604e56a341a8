/**
 * Seeded randomness for the resampling methods (wild bootstrap, randomization inference,
 * multiplier bootstrap). Pure and platform-independent: the same seed gives the same draws in
 * the browser worker, in Node and in the tests. sfc32 (Doris' small fast counting generator),
 * seeded through splitmix32 so that nearby seeds (1, 2, 3 …) give unrelated streams.
 */

/** A seeded stream of 32-bit integers and uniforms. */
export interface SeededRandom {
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (rejection sampling, no modulo bias). */
  below(n: number): number;
}

/** Default seed when the caller gives none (reported with every result that used it). */
export const DEFAULT_SEED = 20260101;

function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** A new stream for `seed` (any finite number; it is reduced to 32 bits). */
export function seededRandom(seed: number): SeededRandom {
  let s = Math.trunc(seed) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(s);
    s = next;
    words.push(out);
  }
  let [a, b, c, d] = words;
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state over a few rounds.
  for (let i = 0; i < 12; i++) uint32();
  const uniform = () => uint32() / 4294967296;
  const below = (n: number): number => {
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const x = uint32();
      if (x < limit) return x % n;
    }
  };
  return { uint32, uniform, below };
}

/** In-place Fisher–Yates shuffle driven by `rng`. */
export function shuffleInPlace<T>(values: T[], rng: SeededRandom): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}
