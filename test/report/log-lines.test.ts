import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { groupedRunLog } from '../../src/github/run-groups.js';
import { findingLines } from '../../src/report/log-lines.js';
import * as fx from './verdicts.js';

describe('the last lines of the log', () => {
  it('name each finding: check, metric, change, why, in plain text', () => {
    assert.deepEqual(findingLines(fx.regression()), [
      'memgate: FAIL queue_stats@1.3.0 python.pymem.inuse: +12.5% (+3.076 MiB): regression (Mann-Whitney p < 0.001)',
    ]);
    assert.deepEqual(findingLines(fx.leak()), [
      'memgate: FAIL queue_stats@1.3.0 python.check_run_alloc: keeps 3.31 KiB per check run: leak: each check run keeps memory, 5/5 runs',
      'memgate: FAIL queue_stats@1.3.0 python.pymem.inuse: +3.44 KiB per check run: leak: grows in 3/3 runs',
      'memgate: FAIL go_expvar@2.0.1 go.memstats.heap_inuse: +1.50 KiB per check run: leak: grows in 4/5 runs',
    ]);
    assert.deepEqual(findingLines(fx.allPass()), []);
  });
});

describe('one group per process run', () => {
  it('opens a group at each "run i of n…", closes it with the duration outside', () => {
    const out: string[] = [];
    let t = 0;
    const sink = {
      startGroup: (n: string) => out.push(`::group::${n}`),
      endGroup: () => out.push('::endgroup::'),
      info: (l: string) => out.push(l),
    } as unknown as typeof import('@actions/core');
    const g = groupedRunLog(sink, () => t);
    g.log('run 1 of 2…');
    t = 1500;
    g.log('a line of run 1');
    g.log('run 2 of 2…');
    t = 4000;
    g.close();
    g.close();
    assert.deepEqual(out, [
      '::group::run 1 of 2',
      'a line of run 1',
      '::endgroup::',
      'run 1 of 2: 1.5 s',
      '::group::run 2 of 2',
      '::endgroup::',
      'run 2 of 2: 2.5 s',
    ]);
  });
});
