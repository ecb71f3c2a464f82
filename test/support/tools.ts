/**
 * Tests that need a tool beyond Node and python3 (Go, Chromium) skip on a machine without it, with a
 * printed reason (`# SKIP go not installed`), so `npm ci && npm test` passes on a fresh clone. CI
 * sets `MEMGATE_REQUIRE_GO=1` / `MEMGATE_REQUIRE_CHROMIUM=1`: there a missing tool is a failure, so
 * the tests can never be skipped silently where they are meant to run.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export type Tool = 'go' | 'chromium';

/** Executable names tried for each tool, in order. */
const CANDIDATES: Record<Tool, string[]> = {
  go: ['go'],
  chromium: ['chromium', 'chromium-browser', 'google-chrome'],
};

const REQUIRE_ENV: Record<Tool, string> = {
  go: 'MEMGATE_REQUIRE_GO',
  chromium: 'MEMGATE_REQUIRE_CHROMIUM',
};

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The absolute path of `name` on `PATH` (or `name` itself when absolute and executable). */
export function which(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (isAbsolute(name)) return executable(name) ? name : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Where the tool is, or undefined when this machine lacks it. `MEMGATE_CHROMIUM` names a browser. */
export function toolPath(tool: Tool, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (tool === 'chromium' && env.MEMGATE_CHROMIUM) return which(env.MEMGATE_CHROMIUM, env);
  for (const name of CANDIDATES[tool]) {
    const found = which(name, env);
    if (found) return found;
  }
  return undefined;
}

export function toolRequired(tool: Tool, env: NodeJS.ProcessEnv = process.env): boolean {
  return env[REQUIRE_ENV[tool]] === '1';
}

/**
 * The `skip` option for a test or suite that needs `tool`: `false` when the tool is here, the reason
 * `"<tool> not installed"` when it is not. When the tool is required (`MEMGATE_REQUIRE_<TOOL>=1`) and
 * missing, it throws, which fails the test file with that line instead of skipping.
 *
 *   describe('the real Go program', { skip: skipWithout('go') }, () => { … });
 */
export function skipWithout(tool: Tool, env: NodeJS.ProcessEnv = process.env): string | false {
  if (toolPath(tool, env)) return false;
  const reason = `${tool} not installed`;
  if (toolRequired(tool, env)) throw new Error(`${reason}, and ${REQUIRE_ENV[tool]}=1 requires it`);
  return reason;
}

/**
 * Inside a test: true when `tool` is here; otherwise marks the test skipped with the reason and
 * returns false (or throws when the tool is required).
 *
 *   it('…', (t) => { if (!requireTool(t, 'chromium')) return; … });
 */
export function requireTool(
  t: { skip(message?: string): void },
  tool: Tool,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const reason = skipWithout(tool, env);
  if (reason === false) return true;
  t.skip(reason);
  return false;
}

/**
 * Headless Chromium through playwright-core, with the flags this closed network needs (no background
 * connections, which would be refused many at a time). Call only after `skipWithout('chromium')`.
 */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const executablePath = toolPath('chromium');
  if (!executablePath) throw new Error('chromium not installed');
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
