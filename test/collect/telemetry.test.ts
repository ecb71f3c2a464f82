import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseTelemetry } from '../../src/collect/telemetry.js';
import { ParseError } from '../../src/errors.js';
import { sample } from './samples.js';

describe('parseTelemetry', () => {
  it('reads pymem and rtloader from the sample, exponent values included', () => {
    const t = parseTelemetry(sample('agent/telemetry.prom'), 'telemetry.prom');
    assert.equal(t.pymemAlloc, 123456789);
    assert.equal(t.pymemInuse, 41467904);
    assert.deepEqual(t.rtloader, {
      AllocatedBytes: 1843246,
      FreedBytes: 1794214,
      Allocations: 30211,
      Frees: 29770,
      InuseBytes: 49032,
      UntrackedFrees: 0,
    });
    assert.equal(t.samples.length, 8);
    assert.ok(t.samples.every((s) => Object.keys(s.labels).length === 0));
  });

  it('parses labels (escapes, trailing comma) and timestamps, and sums labelled parts', () => {
    const text = [
      '# HELP pymem__inuse Number of bytes currently allocated by the python interpreter.',
      '# TYPE pymem__inuse gauge',
      'pymem__inuse{pool="a",note="say \\"hi\\"\\n\\\\"} 1.5e+06 1764197346000',
      'pymem__inuse{pool="b",} 5e5',
      'go_goroutines 42',
      '# a free comment',
      'process_resident_memory_bytes +Inf',
    ].join('\n');
    const t = parseTelemetry(text, 't');
    assert.equal(t.pymemInuse, 2_000_000);
    assert.equal(t.pymemAlloc, undefined);
    assert.equal(t.rtloader, undefined);
    assert.deepEqual(t.samples[0].labels, { pool: 'a', note: 'say "hi"\n\\' });
    assert.deepEqual(t.samples[1].labels, { pool: 'b' });
    assert.equal(t.samples[3].value, Infinity);
  });

  it('keeps a label named __proto__ as data', () => {
    const t = parseTelemetry('x{__proto__="y"} 1\n', 't');
    assert.equal(Object.getPrototypeOf(t.samples[0].labels), Object.prototype);
    assert.deepEqual(Object.entries(t.samples[0].labels), [['__proto__', 'y']]);
  });

  for (const [what, text] of [
    ['an empty file', ''],
    ['only comments', '# HELP x y\n# TYPE x gauge\n'],
    ['garbage text', 'garbage text here'],
    ['a value that is not a number', 'pymem__inuse abc'],
    ['too many fields', 'pymem__inuse 1 2 3'],
    ['an unterminated label', 'pymem__inuse{a="b 1'],
    ['a bad label', 'pymem__inuse{1a="b"} 1'],
    ['an unknown TYPE', '# TYPE x widget\nx 1'],
    ['a NaN pymem value', 'pymem__inuse NaN'],
    ['JSON', '{"pymem__inuse": 1}'],
    ['HTML', '<html><body>404 page not found</body></html>'],
  ] as const) {
    it(`rejects ${what} with a ParseError`, () => {
      assert.throws(
        () => parseTelemetry(text, 'telemetry.prom'),
        (err: unknown) => err instanceof ParseError && err.where === 'telemetry.prom',
      );
    });
  }
});
