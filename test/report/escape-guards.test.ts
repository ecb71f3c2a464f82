/**
 * The Trojan Source guard of escape.ts (issue 15: a mutation run removed it and every test still
 * passed). Bidi override and isolate characters in PR-controlled text (check names, paths, source
 * lines) can make a reviewer read something other than what is there; every escaper strips them,
 * and so does a rendered comment built from such names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { codeCell, escapeCell, escapeHtml, escapeText, inlineCode } from '../../src/report/escape.js';
import { renderComment } from '../../src/report/markdown.js';
import * as fx from './verdicts.js';

/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: the characters of CVE-2021-42574. */
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const HAS_BIDI = /[\u202a-\u202e\u2066-\u2069]/u;

const ESCAPERS: [string, (t: string) => string][] = [
  ['escapeText', escapeText],
  ['escapeCell', escapeCell],
  ['escapeHtml', escapeHtml],
  ['inlineCode', (t) => inlineCode(t)],
  ['codeCell', (t) => codeCell(t)],
];

describe('bidi controls (Trojan Source) are stripped', () => {
  for (const [name, escape] of ESCAPERS) {
    it(`${name} removes every bidi override and isolate, keeping the visible text`, () => {
      for (const c of BIDI) {
        const out = escape(`access${c}level`);
        assert.doesNotMatch(out, HAS_BIDI, `${name} kept U+${c.codePointAt(0)?.toString(16)}`);
        assert.match(out, /accesslevel/);
      }
    });
  }

  it('a comment about a check and a site named with RLO/LRI text shows none of them', () => {
    const v = fx.regression();
    v.checks[0].check = { name: 'disk\u202e}⁦ fi ⁩⁦', version: '1.0.0' };
    v.checks[0].sites = [
      fx.pySite('checks/\u2067evil\u2069.py', 3, 'if admin:\u202e } \u2066', 64 * 1024, 2, true),
    ];
    const body = renderComment(v, { key: 'k', version: '0.1.0' });
    assert.match(body, /disk/);
    assert.doesNotMatch(body, HAS_BIDI);
  });
});
