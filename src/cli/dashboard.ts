/**
 * `memgate dashboard`: writes the history dashboard (one static, self-contained index.html) for
 * every check with a history in a baseline store (directory or `git:<ref>`), ready for GitHub Pages.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { analyzeHistory } from '../analyze/history-analysis.js';
import { storeFromSpec } from '../baseline/git-store.js';
import { readHistory } from '../baseline/history-store.js';
import { parseHistoryPath } from '../baseline/history.js';
import { MemgateError } from '../errors.js';
import { dashboardData, renderDashboard } from '../report/dashboard.js';
import { UPLOT_CSS_BASE64, UPLOT_JS_BASE64, UPLOT_VERSION } from '../report/uplot-asset.js';
import { intOption, parse, requireOptions } from './args.js';
import type { CliIO, Command } from './command.js';

const USAGE = `Usage:
  memgate dashboard --baseline STORE --out DIR [--repo-url URL] [--title TEXT] [--permutations 199]

Writes DIR/index.html: one chart per check and metric over commits, from the history files of
STORE (a baseline directory, or git:<ref> for a branch of the git repository in the current
directory, e.g. git:origin/memgate-baselines), with change points marked and a filter by check and
metric. Points link to <URL>/commit/<sha>; --repo-url defaults to $GITHUB_SERVER_URL/$GITHUB_REPOSITORY
when both are set. The page is self-contained (uPlot inlined): publish DIR as it is.
`;

const OPTIONS = {
  baseline: { type: 'string' },
  out: { type: 'string' },
  'repo-url': { type: 'string' },
  title: { type: 'string' },
  permutations: { type: 'string' },
} as const;

function defaultRepoUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repo = env.GITHUB_REPOSITORY;
  return server && repo ? `${server}/${repo}` : undefined;
}

export const dashboardCommand: Command = {
  name: 'dashboard',
  summary: 'write a static history dashboard (charts, change points) from a baseline store',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    const [baseline, outDir] = requireOptions(
      positionals,
      values,
      [
        { name: 'baseline', what: 'STORE' },
        { name: 'out', what: 'DIR' },
      ],
      USAGE,
    );
    const permutations = intOption(values.permutations, 'permutations', 199);
    const snap = await storeFromSpec(baseline, io.cwd).snapshot();
    const checks = snap.paths
      .map(parseHistoryPath)
      .filter((c): c is string => c !== undefined)
      .sort();
    const histories = [];
    for (const check of checks) {
      const doc = await readHistory(snap, check, baseline);
      if (doc) histories.push({ check, metrics: analyzeHistory(doc, { changePoints: { permutations } }) });
    }
    if (histories.length === 0)
      throw new MemgateError(
        'no history files (history/<check>.json) in this store; they are written by each baseline update',
        baseline,
      );
    const data = dashboardData(histories, {
      title: values.title,
      repoUrl: values['repo-url'] ?? defaultRepoUrl(io.env),
      now: new Date(),
      permutations,
    });
    const html = renderDashboard(data, {
      uplotJs: Buffer.from(UPLOT_JS_BASE64, 'base64').toString('utf8'),
      uplotCss: Buffer.from(UPLOT_CSS_BASE64, 'base64').toString('utf8'),
      uplotVersion: UPLOT_VERSION,
    });
    const out = resolve(io.cwd, outDir);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'index.html'), html);
    const points = data.charts.reduce((n, c) => n + c.values.length, 0);
    io.stdout(
      `memgate: dashboard of ${histories.length} check${histories.length === 1 ? '' : 's'}, ${data.charts.length} chart${data.charts.length === 1 ? '' : 's'}, ${points} points written to ${join(outDir, 'index.html')}\n`,
    );
    return 0;
  },
};
