import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

import {
  compareArgs,
  compareCommand,
  reproduceCommand,
  runArgs,
  shellWord,
} from '../../src/report/reproduce.js';

describe('the reproduce line', () => {
  it('names every input that changed the result', () => {
    const line = reproduceCommand({
      bin: 'npx memgate@1.2.0',
      check: 'queue_stats',
      agentBin: 'docker exec dd-agent agent',
      repeat: 5,
      checkTimes: 20,
      profiling: { gc: true, frames: 10, sort: 'lineno' },
      expvarUrl: 'http://127.0.0.1:5000/debug/vars',
      telemetryUrl: false,
      thresholds: { threshold: 0.05, alpha: 0.01, floor: 16384, leakSlopeAbs: 2048, warmup: 0.25 },
      failOn: ['regression', 'leak'],
      config: '.memgate.yml',
    });
    assert.equal(
      line,
      'git fetch origin memgate-baselines:refs/remotes/origin/memgate-baselines && ' +
        "npx memgate@1.2.0 run --check queue_stats --agent-bin 'docker exec dd-agent agent' --repeat 5 --check-times 20 " +
        '--m-frames 10 --m-gc --m-sort lineno --expvar-url http://127.0.0.1:5000/debug/vars --no-telemetry --out memgate-report.json && ' +
        'npx memgate@1.2.0 compare --baseline git:origin/memgate-baselines --report memgate-report.json --config .memgate.yml ' +
        '--threshold 5% --alpha 0.01 --floor 16384 --leak-threshold 2048 --warmup 25% --fail-on regression,leak',
    );
  });

  it('a committed baseline directory needs no fetch; compare alone for reports that exist', () => {
    const line = reproduceCommand({ check: 'disk', baselinePath: '.memgate/baselines' });
    assert.equal(
      line,
      'memgate run --check disk --out memgate-report.json && memgate compare --baseline .memgate/baselines --report memgate-report.json',
    );
    assert.equal(
      compareCommand({ baselinePath: 'base line.json', out: 'head.json', config: '.memgate.yml' }),
      "memgate compare --baseline 'base line.json' --report head.json --config .memgate.yml",
    );
  });

  it('gc off is --no-m-gc; a command replaces --check', () => {
    assert.deepEqual(runArgs({ command: 'python bench.py', profiling: { gc: false } }), [
      'run',
      '--command',
      'python bench.py',
      '--no-m-gc',
      '--out',
      'memgate-report.json',
    ]);
    assert.deepEqual(compareArgs({ baselineBranch: 'perf-data', remote: 'upstream' }).slice(0, 3), [
      'compare',
      '--baseline',
      'git:upstream/perf-data',
    ]);
  });

  it('quotes words so a POSIX shell gives them back unchanged', () => {
    const words = ["it's", 'a b', '$(touch /tmp/pwned)', '`id`', 'plain-word_1.2:3', '', 'x\\y'];
    const out = execFileSync('sh', ['-c', `printf '%s\\n' ${words.map(shellWord).join(' ')}`], {
      encoding: 'utf8',
    });
    assert.deepEqual(out.split('\n').slice(0, -1), words);
    assert.equal(shellWord('queue_stats'), 'queue_stats');
  });
});
