/**
 * Small seeded randomness for the demo generator: sfc32 seeded through splitmix32, plus hashing of
 * (seed, label, …) into independent streams, so that one programme's output does not shift when
 * another programme's assumptions change.
 */

/** A seeded source of uniform numbers in [0, 1) with the helpers the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Index drawn with probability proportional to `weights[i]` (weights ≥ 0, sum > 0). */
  weighted(weights: readonly number[]): number;
  /** Normal deviate (Box–Muller). */
  normal(mean?: number, sd?: number): number;
}

/** splitmix32 step: spreads a poor seed (0, 1, 2 …) over all 32 bits. */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** 32-bit hash of a list of numbers and strings (FNV-1a over characters, murmur3 finaliser). */
export function hash32(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : part;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // separator, so ('ab','c') ≠ ('a','bc')
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** sfc32 generator seeded from `seed` (any 32-bit integer); same seed → same sequence. */
export function createRng(seed: number): Rng {
  let s = seed | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(s);
    s = next;
    words.push(out);
  }
  let [a, b, c, d] = words;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // sfc32 needs a few rounds before its first outputs are well mixed.
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      // Rounding can leave r ≈ 0 after the loop: fall back to the last positive weight.
      for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
      throw new Error('weighted(): no positive weight');
    },
    normal(mean = 0, sd = 1) {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    }
  };
}

/** A generator for one named stream under a run seed, e.g. `streamRng(seed, 'penyaluran', 'jps', '3501')`. */
export const streamRng = (seed: number, ...labels: readonly (string | number)[]): Rng => createRng(hash32(seed, ...labels));

const HEX_LETTERS = 'abcdef';

/** murmur3's finaliser: a bijection on 32-bit integers that scatters neighbouring inputs. */
function fmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Identifier maker for one programme: index → 16 hex characters. The first 8 are a bijection of
 * the index (salted by seed and programme), so ids within a programme can never collide — a
 * plain 64-bit hash built from 32-bit lanes did collide at 5M rows. Never all digits, so an id
 * cannot be mistaken for a 16-digit NIK.
 */
export function idHasher(seed: number, programId: string): (index: number) => string {
  const salt = hash32(seed, programId, 'id');
  const salt2 = hash32(salt, 'lo');
  return (index) => {
    const hi = fmix32((index + salt) >>> 0);
    const lo = fmix32(hi ^ salt2);
    const hiHex = hi.toString(16).padStart(8, '0');
    let loHex = lo.toString(16).padStart(8, '0');
    if (!/[a-f]/.test(hiHex + loHex)) {
      // ~0.05 % of ids: one digit of the low half (never the unique half) becomes a letter.
      const pos = lo & 7;
      loHex = loHex.slice(0, pos) + HEX_LETTERS[hi % 6] + loHex.slice(pos + 1);
    }
    return hiHex + loHex;
  };
}

/** One identifier; prefer idHasher in loops (it hashes the programme once). */
export const idHash = (seed: number, programId: string, index: number): string => idHasher(seed, programId)(index);
