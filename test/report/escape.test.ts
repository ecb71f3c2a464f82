import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import {
  codeCell,
  escapeHtml,
  escapeMermaidLabel,
  escapeText,
  inlineCode,
  markerKey,
  safeUrl,
} from '../../src/report/escape.js';
import { assertNoInjectedHtml, markdownTables, textOf, toHtml } from './html.js';

/** What a reader should see for `s`: one line, no controls, mentions broken, leading space gone. */
function shown(s: string): string {
  return (
    s
      .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/@/g, '@\u200b')
  );
}

/** Strings full of the characters that matter, plus arbitrary unicode. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '|',
      '`',
      '@',
      '\\',
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '#',
      '-',
      '+',
      '!',
      '~',
      '\n',
      '"',
      "'",
      ' ',
      'a',
      '1',
      '.',
      'img',
      'details',
      '/',
      '=',
    ),
    fc.string({ maxLength: 1, unit: 'grapheme' }),
  ),
  maxLength: 40,
});

describe('escape', () => {
  it('escapeText: rendered text equals the input, and nothing else appears', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const md = `x ${escapeText(s)}`;
        const html = toHtml(md);
        assert.equal(textOf(html).trim(), `x ${shown(s).trimStart()}`.trim());
        assert.doesNotMatch(html.replace(/<\/?p>/g, ''), /<[a-z]/i);
      }),
      { numRuns: 400 },
    );
  });

  it('escapeText at the start of a list item cannot start a heading, list or rule', () => {
    for (const s of ['# h', '- x', '+ y', '1. z', '---', '=== ', '> q']) {
      const html = toHtml(`- ${escapeText(s)}`);
      assert.equal((html.match(/<li>/g) ?? []).length, 1, s);
      assert.doesNotMatch(html, /<h\d|<hr|<ol|<blockquote/, s);
    }
  });

  it('codeCell: one cell whatever the text, showing the text', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const md = `| a | b |\n| - | - |\n| ${codeCell(s)} | z |\n`;
        assert.deepEqual(markdownTables(md)[0].rowCells, [2]);
        const html = toHtml(md);
        const cell = /<td><code>([\s\S]*?)<\/code><\/td>/.exec(html);
        assert.ok(cell, html);
        assert.equal(textOf(cell[1]).trim(), shown(s).trimStart().trim());
        assert.match(html, /<td>z<\/td>/);
      }),
      { numRuns: 400 },
    );
  });

  it('inlineCode: a single code span with the text verbatim', () => {
    fc.assert(
      fc.property(
        nasty.filter((s) => s.trim() !== ''),
        (s) => {
          const html = toHtml(`x ${inlineCode(s)} y`);
          const m = /^<p>x <code>([\s\S]*)<\/code> y<\/p>\n$/.exec(html);
          assert.ok(m, html);
          assert.equal(textOf(m[1]).trim(), shown(s).trim());
        },
      ),
      { numRuns: 400 },
    );
  });

  it('escapeHtml inside <summary> keeps <details> balanced', () => {
    const md = `<details><summary>${escapeHtml('</summary></details><img src=x onerror=alert(1)>')}</summary>\n\nbody\n\n</details>\n`;
    assertNoInjectedHtml(md);
  });

  it('mermaid labels and marker keys keep a safe alphabet', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        assert.match(escapeMermaidLabel(s), /^[A-Za-z0-9 ._:/%+\-=()]*$/);
        const key = markerKey(s);
        assert.doesNotMatch(key, /--|>|\s/);
        assert.ok(key.length > 0);
      }),
    );
  });

  it('safeUrl keeps http(s) only and encodes what could end a link', () => {
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('not a url'), undefined);
    assert.equal(safeUrl('https://x.test/a b)c'), 'https://x.test/a%20b%29c');
  });
});
