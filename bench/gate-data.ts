/**
 * Synthetic inputs for bench/gate.ts: what `runCheck` would capture from R Agent runs of C checks,
 * each run doing I check runs with `-m` and a tracemalloc limit of S lines. The texts follow the real
 * grammars (shared/formats/python-tracemalloc.md, test/fixtures/agent-samples/): `check --json`
 * from test/collect/samples.ts, snapshots `Top S lines` with a source line under each row and an
 * `N other:` line, diffs `Top S line diffs` listing only the rows whose printed amount changed.
 *
 * Deterministic (seeded), so the current and baseline reports differ only where asked: `extra`
 * adds retained bytes to one site of a check (a regression) and `leak` makes a few sites grow every iteration.
 */
import type { RunCapture } from '../src/collect/assemble.js';
import { checkJsonFor } from '../test/collect/samples.js';
import { mulberry32 } from '../src/analyze/stats.js';

export interface Shape {
  checks: number;
  runs: number;
  iterations: number;
  /** tracemalloc rows per snapshot (the `limit`); the check allocates from a few more lines. */
  sites: number;
}

export interface Variant {
  seed: number;
  /** Bytes more that one site of this check retains per run (a regression); 0 when absent. */
  extra?: (check: number) => number;
  /** Checks whose top few sites grow by a fixed amount every iteration. */
  leak?: (check: number) => boolean;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB'];
/** memory.py writes the source line as ` <len(str(i)) spaces>  <source>` under row `#i:`. */
const PAD = Array.from({ length: 8 }, (_, n) => ' '.repeat(n + 3));

/** The Agent's `binary` dynamic amount: B as %d, KiB as %.2f, MiB and up as %.3f. */
function amount(bytes: number, sign = false): string {
  const s = sign ? (bytes < 0 ? '-' : '+') : '';
  let v = Math.abs(bytes);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 ? String(Math.round(v)) : v.toFixed(u === 1 ? 2 : 3);
  return `${s}${text} ${UNITS[u]}`;
}

export function checkName(i: number): string {
  return `synth_${String(i).padStart(3, '0')}`;
}

function hex16(r: () => number): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += Math.floor(r() * 16).toString(16);
  return s;
}

interface SiteDef {
  /** `file:line: `, the row's text before the amount. */
  at: string;
  source: string;
  base: number;
  growth: number;
}

/** Sizes come from the check's own seed, so current and baseline share them unless `extra` says otherwise. */
function siteDefs(check: number, count: number, v: Variant): SiteDef[] {
  const r = mulberry32(1000 + check);
  const name = checkName(check);
  const extra = v.extra?.(check) ?? 0;
  const leaking = v.leak?.(check) ?? false;
  return Array.from({ length: count }, (_, k) => {
    const inCheck = k % 3 !== 0;
    const file = inCheck ? `${name}/mod_${k % 17}.py` : `python3.11/lib_${k % 23}/__init__.py`;
    return {
      at: `${file}:${10 + k * 7}: `,
      source: `value_${k} = [item.get("field_${k}") for item in payload if item]`,
      // What a run retains after gc.collect(): a few hundred bytes over all sites (a steady check
      // stays under the 1 KiB retained-per-run floor), plus the regression's extra on one site.
      base: Math.round((96 / (k + 1)) * (0.8 + 0.4 * r())) + 1 + (k === 1 ? extra : 0),
      growth: leaking && k < 3 ? 4096 : 0,
    };
  });
}

/**
 * The captures of one check's R runs. One check at a time, as a CI job holds them: all 50 checks'
 * texts at once would be ~1 GB of strings, and the GC cost of that would be the bench's, not memgate's.
 */
export function generateCheck(c: number, shape: Shape, v: Variant): RunCapture[] {
  const r = mulberry32(v.seed * 7919 + c);
  const all = shape.sites + Math.max(5, Math.round(shape.sites / 10));
  const name = checkName(c);
  const defs = siteDefs(c, all, v);
  const id = hex16(mulberry32(c + 1));
  return Array.from({ length: shape.runs }, (_, run) => {
    const snapshots: { name: string; text: string }[] = [];
    const diffs: { name: string; text: string }[] = [];
    const totals: number[] = [];
    let previous: Float64Array | undefined;
    for (let it = 0; it < shape.iterations; it++) {
      const now = new Float64Array(defs.length);
      const sizes = defs
        .map((d, k) => {
          const size = Math.max(1, Math.round(d.base * (0.97 + 0.06 * r()) + 2 * r() - 1 + d.growth * it));
          now[k] = size;
          return { d, k, size };
        })
        .sort((a, b) => b.size - a.size);
      const shown = sizes.slice(0, shape.sites);
      const rest = sizes.slice(shape.sites);
      const total = sizes.reduce((s, x) => s + x.size, 0);
      totals.push(total);
      const lines = [`Top ${shape.sites} lines`];
      shown.forEach((x, i) => {
        lines.push('', `#${i + 1}: ${x.d.at}${amount(x.size)}`, PAD[String(i + 1).length] + x.d.source);
      });
      lines.push('');
      if (rest.length) lines.push(`${rest.length} other: ${amount(rest.reduce((s, x) => s + x.size, 0))}`);
      lines.push(`Total allocated size: ${amount(total)}`, '');
      const ts = `2026-11-27T03-00-${String(it % 60).padStart(2, '0')}_${String(run * 1000 + it).padStart(6, '0')}`;
      snapshots.push({ name: `snapshot_${ts}`, text: lines.join('\n') });

      if (previous) {
        const prev = previous;
        const changed = sizes
          .map((x) => ({ x, diff: x.size - prev[x.k] }))
          .filter((e) => e.diff !== 0)
          .sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
        const dl = [`Top ${shape.sites} line diffs`];
        changed.slice(0, shape.sites).forEach((e, i) => {
          dl.push(
            '',
            `#${i + 1}: ${e.x.d.at}${amount(e.diff, true)}`,
            PAD[String(i + 1).length] + e.x.d.source,
          );
        });
        dl.push('');
        const more = changed.slice(shape.sites);
        if (more.length)
          dl.push(
            `${more.length} other: ${amount(
              more.reduce((s, e) => s + e.diff, 0),
              true,
            )}`,
          );
        dl.push(`Total difference: ${amount(totals[it] - totals[it - 1], true)}`, '');
        diffs.push({ name: `diff_${ts}`, text: dl.join('\n') });
      }
      previous = now;
    }
    return {
      checkJson: {
        text: checkJsonFor(totals, { name, version: '1.0.0', id: `${name}:${id}` }),
        source: `run ${run + 1} stdout`,
      },
      profileDirs: [
        {
          check: name,
          instanceDir: `/tmp/memgate-run/profile/${name}/${id}`,
          snapshots,
          diffs,
        },
      ],
    } satisfies RunCapture;
  });
}
