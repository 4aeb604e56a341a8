/**
 * Complementary (secondary) suppression and its audit. Primary suppression hides counts under 10,
 * but a hidden cell can often be computed back: in `penerima_profil` every dimension (sex, age group,
 * decile, …) of one programme × region × entry year splits the same total, so a dimension published
 * in full gives the total, and a dimension with one hidden cell gives that cell by subtraction
 * (issue 11: aspd, 3501, 2019: total 18, "<18" = 10, so "18–59" = 8).
 *
 * A family is a set of groups whose cells each sum to the same total; the total is published, or is
 * unknown but shared by all groups. With closed intervals per hidden cell, the set of values a hidden
 * cell can take given everything published is exactly computable (ranges below): the groups meet
 * only in the total, so the total's range is the intersection of the groups' ranges, and a cell's
 * range follows from its group. A cell is disclosed when that range holds a single whole number.
 *
 * protect() adds hidden cells (the smallest published ones first) until no cell is disclosed under
 * the strongest attacker: one who knows which cells were hidden for being small (1–9) and which to
 * protect them (10 or more). If even that fails, the whole family is withheld. The audit in
 * build-public (audit()) re-checks the published files with what anyone can know (a hidden cell is
 * at least 1, or 0 where the table publishes zeros) and fails the build on any disclosure.
 */

export interface Interval {
  lo: number;
  /** Infinity when unbounded. */
  hi: number;
}

export interface GroupInput {
  /** Sum of the published cells of the group. */
  published: number;
  /** Bounds of each hidden cell of the group. */
  hidden: Interval[];
}

export interface FamilyInput {
  groups: GroupInput[];
  /** The groups' common total when it is published; null when it is not (but still shared). */
  total: number | null;
}

/** The range of the shared total, and of every hidden cell (per group, in order). Empty ranges mean inconsistent input. */
export function ranges(f: FamilyInput): { total: Interval; hidden: Interval[][] } {
  let tlo = f.total ?? -Infinity;
  let thi = f.total ?? Infinity;
  for (const g of f.groups) {
    const lo = g.published + g.hidden.reduce((s, b) => s + b.lo, 0);
    const hi = g.published + g.hidden.reduce((s, b) => s + b.hi, 0);
    tlo = Math.max(tlo, lo);
    thi = Math.min(thi, hi);
  }
  const hidden = f.groups.map((g) =>
    g.hidden.map((b, k) => {
      let othersLo = 0;
      let othersHi = 0;
      g.hidden.forEach((o, j) => {
        if (j !== k) {
          othersLo += o.lo;
          othersHi += o.hi;
        }
      });
      return { lo: Math.max(b.lo, tlo - g.published - othersHi), hi: Math.min(b.hi, thi - g.published - othersLo) };
    })
  );
  return { total: { lo: tlo, hi: thi }, hidden };
}

/** A range that pins a whole number: the cell can be computed back. */
export const disclosed = (r: Interval): boolean => Math.floor(r.hi + 1e-9) - Math.ceil(r.lo - 1e-9) < 1;

/** One cell of a family to protect. */
export interface ProtectCell {
  group: number;
  value: number;
  /** Hidden because it is small (primary). */
  small: boolean;
}

export type ProtectResult = { hidden: boolean[]; withheld: false } | { hidden: null; withheld: true };

/**
 * Hide cells until no hidden cell is disclosed. `bounds(cell, primary)` is what the strongest attacker
 * knows of a hidden cell: a primary one is small (e.g. 1–9), a secondary one is not (10 or more).
 */
export function protect(cells: readonly ProtectCell[], groups: number, total: number | null, bounds: (c: ProtectCell) => Interval): ProtectResult {
  const hidden = cells.map((c) => c.small);
  if (!hidden.some(Boolean)) return { hidden, withheld: false };
  for (let round = 0; round <= cells.length; round++) {
    const fam = familyOf(cells, hidden, groups, total, bounds);
    const r = ranges(fam.input);
    if (r.total.lo > r.total.hi) break; // bounds that exclude the true values: never publish on a wrong premise
    const leak = fam.index.findIndex((ids, g) => ids.some((_, k) => disclosed(r.hidden[g][k])));
    if (leak < 0) return { hidden, withheld: false };
    // Hide the smallest published cell of the leaking group; if it has none, of the whole family
    // (that hides the total, which every group shares).
    const pick = smallestPublished(cells, hidden, (c) => c.group === leak) ?? smallestPublished(cells, hidden, () => true);
    if (pick === null) break;
    hidden[pick] = true;
  }
  return { hidden: null, withheld: true };
}

function smallestPublished(cells: readonly ProtectCell[], hidden: boolean[], where: (c: ProtectCell) => boolean): number | null {
  let best: number | null = null;
  cells.forEach((c, i) => {
    if (!hidden[i] && where(c) && (best === null || c.value < cells[best].value)) best = i;
  });
  return best;
}

function familyOf(cells: readonly ProtectCell[], hidden: boolean[], groups: number, total: number | null, bounds: (c: ProtectCell) => Interval) {
  const input: FamilyInput = { groups: Array.from({ length: groups }, () => ({ published: 0, hidden: [] as Interval[] })), total };
  const index: number[][] = Array.from({ length: groups }, () => []);
  cells.forEach((c, i) => {
    if (hidden[i]) {
      input.groups[c.group].hidden.push(bounds(c));
      index[c.group].push(i);
    } else input.groups[c.group].published += c.value;
  });
  return { input, index };
}
