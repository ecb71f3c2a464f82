/**
 * The package as a user gets it: `npm pack` the repository, install the tarball in an empty project
 * with no registry (`--offline`: the CLI is one bundled file, so the tarball needs nothing else),
 * and run the installed `memgate` through `npx`, as the README tells users to.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { collectArgv } from '../report/fixture-reports.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(cmd: string, args: string[], cwd: string): Promise<Result> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('the npm package', () => {
  let work: string;
  let project: string;
  let tarball: string;
  const npx = (...args: string[]) => exec('npx', ['--offline', '--no-install', 'memgate', ...args], project);

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'memgate-pack-'));
    const packed = await exec('npm', ['pack', '--pack-destination', work, '--json'], root);
    assert.equal(packed.code, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info.filename);
    assert.deepEqual(info.files.map((f) => f.path).sort(), ['README.md', 'dist/cli.js', 'package.json']);
    project = join(work, 'project');
    await mkdir(project);
    await writeFile(join(project, 'package.json'), '{"name":"empty","version":"1.0.0","private":true}\n');
    const installed = await exec(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', tarball],
      project,
    );
    assert.equal(installed.code, 0, `installing the tarball needs no registry:\n${installed.stderr}`);
  });

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('installs alone: no runtime dependency to fetch', async () => {
    const entries = (await readdir(join(project, 'node_modules'))).filter((e) => !e.startsWith('.'));
    assert.deepEqual(entries, ['memgate']);
  });

  it('npx memgate --version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await npx('--version');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('collects two real tracemalloc runs and compares them: a leak fails, with the comment', async () => {
    for (const [fixture, out] of [
      ['steady-gc', 'base.json'],
      ['leaky-gc-positive', 'head.json'],
    ]) {
      const r = await npx(...collectArgv(fixture, out));
      assert.equal(r.code, 0, r.stderr);
    }
    const same = await npx('compare', '--baseline', 'base.json', '--report', 'base.json');
    assert.equal(same.code, 0, `a report against itself passes:\n${same.stdout}${same.stderr}`);
    const text = await npx('compare', '--baseline', 'base.json', '--report', 'head.json');
    assert.equal(text.code, 1, text.stdout + text.stderr);
    assert.match(text.stdout, /leak/i);
    const md = await npx(
      'compare',
      '--baseline',
      'base.json',
      '--report',
      'head.json',
      '--format',
      'markdown',
    );
    assert.equal(md.code, 1);
    assert.match(md.stdout, /^\| \| Check \| Worst metric \| Change \| Why \|$/m, 'the summary table');
    assert.match(md.stdout, /🩸/);
  });
});
