/**
 * Every parser, fed arbitrary bytes or a damaged real sample, returns a value or throws ParseError,
 * never any other exception.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fc from 'fast-check';

import { assembleReport } from '../../src/collect/assemble.js';
import { parseCheckJson } from '../../src/collect/check-json.js';
import { parseExpvar } from '../../src/collect/expvar.js';
import { parseTelemetry } from '../../src/collect/telemetry.js';
import { parseProfilePrintout, parseTracemallocText } from '../../src/collect/tracemalloc.js';
import { MemgateError, ParseError } from '../../src/errors.js';
import { caseFiles, sample, TRACEMALLOC_CASES } from './samples.js';

const PARSERS: [string, (text: string, source: string) => unknown, string[]][] = [
  ['parseCheckJson', parseCheckJson, [sample('agent/check-output.json')]],
  [
    'parseTracemallocText',
    parseTracemallocText,
    [
      sample('agent/diff-absolute.txt'),
      ...TRACEMALLOC_CASES.flatMap((c) => [caseFiles(c, 'snapshots')[0].text, caseFiles(c, 'diffs')[0].text]),
    ],
  ],
  ['parseProfilePrintout', parseProfilePrintout, [sample('agent/cli-profile-t2.txt')]],
  ['parseExpvar', parseExpvar, [sample('go/vars.json'), sample('go/vars-retaining.json')]],
  ['parseTelemetry', parseTelemetry, [sample('agent/telemetry.prom')]],
];

function valueOrParseError(parse: (text: string, source: string) => unknown, text: string): void {
  try {
    parse(text, 'input');
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    assert.equal(err.where, 'input');
    assert.ok(err.message.length > 0);
  }
}

/** A real sample, truncated, with one byte flipped, or with a line dropped or repeated. */
function mutated(samples: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...samples), fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
    fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.integer({ min: 1, max: 255 })).map(([s, n, x]) => {
      const b = Buffer.from(s, 'utf8');
      const i = n % b.length;
      b[i] ^= x;
      return b.toString('utf8');
    }),
    fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.boolean()).map(([s, n, dup]) => {
      const lines = s.split('\n');
      const i = n % lines.length;
      lines.splice(i, dup ? 0 : 1, ...(dup ? [lines[i]] : []));
      return lines.join('\n');
    }),
  );
}

const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.json(),
);

describe('parsers never throw anything but ParseError', () => {
  for (const [name, parse, samples] of PARSERS) {
    it(`${name}: arbitrary text`, () => {
      fc.assert(
        fc.property(arbitraryText, (text) => valueOrParseError(parse, text)),
        { numRuns: 400 },
      );
    });
    it(`${name}: mutated real samples`, () => {
      fc.assert(
        fc.property(mutated(samples), (text) => valueOrParseError(parse, text)),
        { numRuns: 400 },
      );
    });
  }

  it('assembleReport over mutated inputs yields a report or a MemgateError', () => {
    const inputs = fc.record({
      json: mutated([sample('agent/check-output.json')]),
      snap: mutated([caseFiles('retaining-gc', 'snapshots')[0].text]),
      vars: mutated([sample('go/vars.json')]),
      prom: mutated([sample('agent/telemetry.prom')]),
    });
    fc.assert(
      fc.property(inputs, ({ json, snap, vars, prom }) => {
        try {
          assembleReport(
            [
              {
                checkJson: { text: json, source: 'c' },
                printouts: [{ text: snap, source: 's' }],
                expvar: [{ text: vars, source: 'v', at: 0 }],
                telemetry: [{ text: prom, source: 't', at: 0 }],
              },
            ],
            { toolVersion: 't' },
          );
        } catch (err) {
          if (!(err instanceof MemgateError)) throw err;
        }
      }),
      { numRuns: 200 },
    );
  });
});
