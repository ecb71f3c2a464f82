import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

import { emitAnnotations } from '../../src/github/annotations.js';
import { annotationsFor, resolver, type Workspace } from '../../src/report/annotations.js';
import * as fx from './verdicts.js';

function workspace(
  files: string[],
  root = '/home/runner/work/integrations-extras/integrations-extras',
): Workspace {
  const set = new Set(files);
  return { root, fileExists: (f) => set.has(f), listFiles: () => files };
}

const FILES = [
  'queue_stats/datadog_checks/queue_stats/check.py',
  'queue_stats/datadog_checks/queue_stats/__init__.py',
  'other/datadog_checks/other/check.py',
  'pkg/collector/corechecks/checkbase.go',
  'README.md',
];

describe('annotations', () => {
  it('resolves cut tracemalloc paths, absolute and module paths, and refuses ambiguity', () => {
    const r = resolver(workspace(FILES));
    assert.equal(r('queue_stats/check.py'), 'queue_stats/datadog_checks/queue_stats/check.py');
    assert.equal(r('README.md'), 'README.md');
    assert.equal(
      r('/home/runner/work/integrations-extras/integrations-extras/pkg/collector/corechecks/checkbase.go'),
      'pkg/collector/corechecks/checkbase.go',
    );
    assert.equal(
      r('github.com/DataDog/datadog-agent/pkg/collector/corechecks/checkbase.go'),
      'pkg/collector/corechecks/checkbase.go',
    );
    assert.equal(r('check.py'), undefined, 'two check.py: ambiguous');
    assert.equal(r('python3.11/json/decoder.py'), undefined, 'outside the workspace');
    assert.equal(r('../etc/passwd'), undefined);
  });

  it('an error per growing site of a failing check, in the workspace only', () => {
    const notes = annotationsFor(fx.leak(), workspace(FILES));
    assert.deepEqual(
      notes.map((a) => [a.level, a.file, a.startLine]),
      [
        ['error', 'queue_stats/datadog_checks/queue_stats/check.py', 14],
        ['error', 'pkg/collector/corechecks/checkbase.go', 212],
      ],
    );
    assert.match(notes[0].title, /memory leak in queue_stats/);
    assert.match(notes[0].message, /^\+40\.00 KiB held here \(new site\), \+480 objects/);
    assert.equal(annotationsFor(fx.allPass(), workspace(FILES)).length, 0, 'nothing for passing checks');
  });

  it('a warned regression gives warnings; at most 10 of each type', () => {
    const v = fx.huge();
    const files = v.checks.map((c) => `${c.check.name}/datadog_checks/${c.check.name}/check.py`);
    const notes = annotationsFor(v, workspace(files));
    assert.equal(notes.filter((a) => a.level === 'error').length, 10);
    const warned = fx.regression();
    warned.checks[0].status = 'warn';
    const w = annotationsFor(warned, workspace(FILES));
    assert.ok(w.length > 0 && w.every((a) => a.level === 'warning'));
  });

  it('the adapter prints workflow commands for files on disk', () => {
    const root = mkdtempSync(join(tmpdir(), 'memgate-ws-'));
    for (const f of FILES) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), '');
    }
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      assert.equal(emitAnnotations(fx.leak(), root), 2);
    } finally {
      process.stdout.write = write;
      rmSync(root, { recursive: true, force: true });
    }
    const out = lines.join('');
    assert.match(
      out,
      /::error title=memgate%3A memory leak in queue_stats,file=queue_stats\/datadog_checks\/queue_stats\/check\.py,line=14::\+40\.00 KiB/,
    );
  });
});
