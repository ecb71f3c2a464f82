import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { parse as parseYaml } from 'yaml';

import { updateReadme } from '../../scripts/readme-inputs.js';

const root = new URL('../../', import.meta.url);
const action = parseYaml(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, unknown>;
  runs: { using: string; main: string };
};

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
}
interface Workflow {
  on: unknown;
  jobs: Record<string, { steps: Step[]; 'runs-on': string }>;
}

function workflows(dir: string): [string, Workflow][] {
  const url = new URL(dir, root);
  return readdirSync(url)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => [`${dir}${f}`, parseYaml(readFileSync(new URL(f, url), 'utf8')) as Workflow]);
}

describe('example and repository workflows', () => {
  const all = [...workflows('examples/workflows/'), ...workflows('.github/workflows/')];

  it('are valid workflows that use only inputs action.yml declares', () => {
    assert.ok(all.length >= 9);
    for (const [file, wf] of all) {
      assert.ok(wf.on, `${file}: no trigger`);
      for (const [job, j] of Object.entries(wf.jobs)) {
        assert.ok(j['runs-on'], `${file}: job ${job} has no runs-on`);
        assert.ok(Array.isArray(j.steps) && j.steps.length > 0, `${file}: job ${job} has no steps`);
        for (const step of j.steps) {
          if (step.uses === './' || step.uses?.startsWith('memgate/memgate@')) {
            for (const input of Object.keys(step.with ?? {})) {
              assert.ok(input in action.inputs, `${file}: unknown memgate input "${input}"`);
            }
          }
        }
      }
    }
  });

  it('cover every documented use', () => {
    const names = all.map(([f]) => f);
    for (const f of [
      'basic',
      'matrix',
      'fork-pr',
      'fork-pr-comment',
      'docker-agent',
      'go-service',
      'local-cli',
    ]) {
      assert.ok(names.includes(`examples/workflows/${f}.yml`), `missing example ${f}`);
    }
  });

  it('run on node24', () => {
    assert.equal(action.runs.using, 'node24');
    assert.equal(action.runs.main, 'dist/index.js');
  });

  it('keep the README input table generated from action.yml', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const actionYml = readFileSync(new URL('action.yml', root), 'utf8');
    assert.equal(
      updateReadme(readme, actionYml),
      readme,
      'run: node --import tsx scripts/readme-inputs.ts --write',
    );
  });
});
