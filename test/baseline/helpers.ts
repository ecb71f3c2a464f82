/** Small builders shared by the baseline tests. */
import { emptyReport, type CheckReport, type MemoryReport } from '../../src/model.js';
import { VERSION } from '../../src/version.js';

export function checkReport(name: string, version: string, values: number[], instance?: string): CheckReport {
  return {
    check: instance ? { name, version, instance } : { name, version },
    metrics: {
      'python.check_run_alloc': { runs: values.map((v) => ({ value: v, series: [v, v, v] })) },
    },
    sites: [
      {
        runtime: 'python',
        key: `${name}.py:10`,
        file: `${name}.py`,
        line: 10,
        bytes: values.map((v) => v * 2),
      },
    ],
    notes: [],
  };
}

export function memoryReport(...checks: CheckReport[]): MemoryReport {
  return { ...emptyReport(VERSION, { options: {} }), checks };
}

/** All run values stored for one metric across a document's entries, in entry order. */
export function storedValues(docText: string): number[] {
  const doc = JSON.parse(docText) as { entries: { report: CheckReport }[] };
  return doc.entries.flatMap((e) => e.report.metrics['python.check_run_alloc'].runs.map((r) => r.value));
}
