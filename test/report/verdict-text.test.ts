import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { renderText } from '../../src/report/verdict-text.js';
import * as fx from './verdicts.js';

describe('compare text output', () => {
  it('a leaking metric is one LEAK row, never also PASS; no zero counts; no ∞', () => {
    const text = renderText(fx.zeroBaselineLeak());
    assert.match(text, /^memgate: FAIL: 1 leak, 1 passed\n/);
    const rows = text.split('\n').filter((l) => /^ {2}\S+\s+python\.check_run_alloc\s/.test(l));
    assert.equal(rows.length, 1, text);
    assert.match(
      rows[0],
      /^ {2}LEAK\s+python\.check_run_alloc\s+exact\/exact\s+0 B\s+3\.94 KiB\s+keeps 3\.94 KiB per check run · 5\/5 runs$/,
    );
    assert.doesNotMatch(text, /∞|Infinity|0 regression/);
  });

  it('an untested series says NOT TESTED and why', () => {
    const v = fx.verdictOf([fx.check('short', { leaks: [fx.untestedLeak('python.pymem.inuse', 'python')] })]);
    const text = renderText(v);
    assert.match(text, /^ {2}NOT TESTED\s+python\.pymem\.inuse\s/m);
    assert.match(text, /- python\.pymem\.inuse: not tested: leak trend: too few iterations after warm-up/);
  });
});
