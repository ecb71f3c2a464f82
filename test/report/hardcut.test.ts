/**
 * The comment's last resort (issue 15: no test reached it). When even the headline and the check
 * titles do not fit, renderComment cuts the text at a line, closes every `<details>` it cut into
 * (an unclosed one would swallow everything GitHub renders after it) and says it was cut.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { renderComment } from '../../src/report/markdown.js';
import * as fx from './verdicts.js';

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('hard cut of a comment that cannot fit', () => {
  it('cuts at a line, stays under the limit, keeps the marker and says so', () => {
    // 400 checks: even with every droppable part dropped the body does not fit 550 characters.
    const max = 550;
    const full = renderComment(fx.huge(), { key: 'k', version: '0.1.0', maxChars: 100_000 });
    assert.ok(full.length > max);
    const body = renderComment(fx.huge(), { key: 'k', version: '0.1.0', maxChars: max });
    assert.ok(body.length <= max, `${body.length} > ${max}`);
    assert.match(body, /The rest of this report was cut/);
    assert.equal(count(body, /<details>/g), count(body, /<\/details>/g), 'every <details> closed');
    assert.ok(body.startsWith('<!-- memgate:k -->\n'), 'the sticky marker survives');
    assert.equal(count(body, /^```/gm) % 2, 0, 'no code fence left open');
  });

  it('honours a measure other than length (UTF-8 bytes) at every small limit', () => {
    const bytes = (t: string) => Buffer.byteLength(t, 'utf8');
    for (const max of [300, 400, 500, 600, 800]) {
      const body = renderComment(fx.huge(), { key: 'k', version: '0.1.0', maxChars: max, measure: bytes });
      assert.ok(bytes(body) <= max, `${bytes(body)} bytes > ${max}`);
      assert.equal(count(body, /<details>/g), count(body, /<\/details>/g), `balanced at ${max}`);
    }
  });
});
