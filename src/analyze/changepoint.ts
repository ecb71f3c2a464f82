/**
 * E-Divisive means (Matteson & James 2014, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", JASA 109(505)), the method MongoDB and Apache Otava use to find
 * the commit where a performance series changed. Univariate, with α = 1 (absolute differences).
 *
 * For a segment Z split at τ into X = Z[0, τ) and Y = Z[τ, n):
 *   Ê(X, Y) = 2/(m·k) Σ|x − y| − C(m,2)⁻¹ Σ_{i<j}|xᵢ − xⱼ| − C(k,2)⁻¹ Σ_{i<j}|yᵢ − yⱼ|
 *   Q̂(τ)    = m·k/(m + k) · Ê
 * The candidate is the τ of largest Q̂ over every segment between the change points found so far
 * (κ fixed at the segment end, as in MongoDB's signal-processing-algorithms). It is kept when a
 * permutation test says it is significant: each of R permutations shuffles every segment, takes
 * the largest Q̂ any of them reaches, and the candidate's p is #(permuted ≥ candidate) / (R + 1).
 * Splitting stops at the first candidate that is not significant.
 *
 * The three pair sums are updated in O(1) per τ from each point's summed distance to the points
 * before and after it, which a Fenwick tree over value ranks gives in O(n log n): a whole segment
 * costs O(n log n) instead of the O(n²) of a distance matrix, so 2,000 commits × 199 permutations
 * stay fast.
 */
import { mulberry32 } from './stats.js';

export interface ChangePointOptions {
  /** Significance level of the permutation test (default 0.05). */
  alpha?: number;
  /** Permutations per test (default 199, as ecp's e.divisive). */
  permutations?: number;
  /** Fewest points on each side of a split (default 2: Ê needs two points to have a within term). */
  minSize?: number;
  /** Seed of the permutation PRNG, so the same series always gives the same answer (default 1234). */
  seed?: number;
  /** Stop after this many change points (default: no limit). */
  maxChangePoints?: number;
}

/** One accepted change point: the series changed between index − 1 and index. */
export interface ChangePoint {
  /** First index of the new level. */
  index: number;
  /** The divergence Q̂ at the split. */
  qhat: number;
  /** Permutation p-value: the share of permutations that reached Q̂ (with the candidate counted once). */
  probability: number;
}

/** Σ_{i<j} |v_i − v_j| split per point: `before[j]` = Σ_{i<j}|v_i − v_j|, `after[j]` = Σ_{i>j}|…|. */
function pairSums(values: ArrayLike<number>): { before: Float64Array; after: Float64Array } {
  const n = values.length;
  const indexes = Array.from({ length: n }, (_, i) => i);
  const order = [...indexes].sort((a, b) => values[a] - values[b]);
  const rank = new Int32Array(n);
  order.forEach((idx, r) => (rank[idx] = r + 1));
  const sweep = (visit: readonly number[], out: Float64Array): void => {
    const count = new Float64Array(n + 1);
    const sum = new Float64Array(n + 1);
    let seen = 0;
    let total = 0;
    for (const i of visit) {
      const v = values[i];
      let c = 0;
      let s = 0;
      for (let r = rank[i]; r > 0; r -= r & -r) {
        c += count[r];
        s += sum[r];
      }
      // Points at or below v contribute v − x; points above contribute x − v.
      out[i] = c * v - s + (total - s) - (seen - c) * v;
      for (let r = rank[i]; r <= n; r += r & -r) {
        count[r] += 1;
        sum[r] += v;
      }
      seen += 1;
      total += v;
    }
  };
  const before = new Float64Array(n);
  const after = new Float64Array(n);
  sweep(indexes, before);
  sweep([...indexes].reverse(), after);
  return { before, after };
}

/** Q̂(τ) for every τ of a segment; entries outside [minSize, n − minSize] are −∞. */
export function qhatValues(values: ArrayLike<number>, minSize = 2): Float64Array {
  const n = values.length;
  const q = new Float64Array(n + 1).fill(-Infinity);
  const { before, after } = pairSums(values);
  let within = 0;
  for (let i = 0; i < n; i++) within += before[i];
  let wx = 0;
  let wy = within;
  let cross = 0;
  // τ stops where Y keeps minSize points; a series shorter than 2·minSize gets no τ at all.
  for (let tau = 1; tau <= n - minSize; tau++) {
    // Point tau − 1 moves from Y to X.
    const j = tau - 1;
    wx += before[j];
    wy -= after[j];
    cross += after[j] - before[j];
    const m = tau;
    const k = n - tau;
    if (m < minSize) continue;
    const e = (2 * cross) / (m * k) - wx / ((m * (m - 1)) / 2) - wy / ((k * (k - 1)) / 2);
    q[tau] = ((m * k) / (m + k)) * e;
  }
  return q;
}

interface Split {
  index: number;
  qhat: number;
}

/** The τ of largest Q̂ (the first of equals), or undefined when the segment is too short to split. */
function bestSplit(values: ArrayLike<number>, minSize: number): Split | undefined {
  let best: Split | undefined;
  for (const [index, qhat] of qhatValues(values, minSize).entries())
    if (qhat > (best?.qhat ?? -Infinity)) best = { index, qhat };
  return best;
}

function shuffle(values: Float64Array, rnd: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
}

/** A segment between two change points found so far: [start, end). */
interface Segment {
  start: number;
  end: number;
}

/**
 * The permutation test of one candidate: stops as soon as more permutations reached the
 * candidate than significance allows (the verdict cannot change after that).
 */
function permutationProbability(
  series: Float64Array,
  segments: readonly Segment[],
  qhat: number,
  o: Required<Omit<ChangePointOptions, 'maxChangePoints'>>,
  rnd: () => number,
): number {
  const allowed = Math.floor(o.alpha * (o.permutations + 1));
  let higher = 0;
  for (let p = 0; p < o.permutations; p++) {
    let best = -Infinity;
    for (const { start, end } of segments) {
      const window = series.slice(start, end);
      shuffle(window, rnd);
      best = Math.max(best, bestSplit(window, o.minSize)?.qhat ?? -Infinity);
    }
    if (best >= qhat) higher += 1;
    // Stryker disable next-line ConditionalExpression: only saves time: past `allowed`, p > α whatever follows, and a rejected p is not reported
    if (higher > allowed) break;
  }
  return higher / (o.permutations + 1);
}

/** The best split over every segment (the first segment's on equal Q̂), in series indexes. */
function candidateSplit(
  data: Float64Array,
  segments: readonly Segment[],
  minSize: number,
): Split | undefined {
  let candidate: Split | undefined;
  for (const { start, end } of segments) {
    const s = bestSplit(data.subarray(start, end), minSize);
    if (s && (!candidate || s.qhat > candidate.qhat)) candidate = { index: start + s.index, qhat: s.qhat };
  }
  return candidate;
}

/**
 * Change points of a series, in the order they were found (most divergent first). Sort by
 * `index` for time order. A series shorter than 2·minSize has none.
 */
export function eDivisive(series: readonly number[], options: ChangePointOptions = {}): ChangePoint[] {
  const o = {
    alpha: options.alpha ?? 0.05,
    permutations: options.permutations ?? 199,
    minSize: Math.max(2, options.minSize ?? 2),
    seed: options.seed ?? 1234,
  };
  const limit = options.maxChangePoints ?? Infinity;
  const data = Float64Array.from(series);
  if (data.some((v) => !Number.isFinite(v))) throw new RangeError('eDivisive: every value must be finite');
  const rnd = mulberry32(o.seed);
  const found: ChangePoint[] = [];
  // Each round re-splits every segment: O(n log n), against R times that for its permutation test.
  while (found.length < limit) {
    const cuts = [0, ...found.map((c) => c.index).sort((a, b) => a - b), data.length];
    const segments = cuts.slice(1).map((end, b) => ({ start: cuts[b], end }));
    const candidate = candidateSplit(data, segments, o.minSize);
    if (!candidate) break;
    const probability = permutationProbability(data, segments, candidate.qhat, o, rnd);
    if (probability > o.alpha) break;
    found.push({ ...candidate, probability });
  }
  return found;
}
