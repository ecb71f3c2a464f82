/**
 * The `memgate` command line (bundled as dist/cli.js). Each verb lives in `src/cli/<verb>.ts`; this
 * file only dispatches and turns user errors into one line on stderr, with the exit code of
 * `exit-codes.ts` (2 usage or input, 4 the check or its environment failed, 3 a bug).
 */
import { describeError, MemgateError } from '../errors.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import type { CliIO, Command } from './command.js';
import { VERSION } from '../version.js';
import { collectCommand } from './collect.js';
import { pprofCommand } from './pprof.js';
import { compareCommand } from './compare.js';
import { baselineCommand } from './baseline.js';
import { runCommand } from './run.js';
import { historyCommand } from './history.js';
import { dashboardCommand } from './dashboard.js';
import { watchCommand } from './watch.js';
import { forwardSignals } from '../run/signals.js';

const COMMANDS: Command[] = [
  collectCommand,
  pprofCommand,
  compareCommand,
  baselineCommand,
  runCommand,
  historyCommand,
  dashboardCommand,
  watchCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    `memgate ${VERSION}: gate CI on memory regressions and leaks (Python, C, Go)`,
    '',
    'Usage: memgate <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `memgate <command> --help` for a command's options.",
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    io.stdout(help());
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === verb);
  if (!command) {
    io.stderr(`memgate: unknown command "${verb}"; run memgate --help\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof MemgateError) {
      io.stderr(`memgate: ${describeError(err)}\n`);
      // 2 for bad usage or input, 4 when the check or its environment failed (exit-codes.ts).
      return exitCodeFor(err);
    }
    throw err;
  }
}

/** True when this module is the process entry (bundled dist/cli.js or `tsx src/cli/main.ts`), not an import. */
function isEntry(): boolean {
  const entry = process.argv[1] ?? '';
  return /(?:^|[\\/])(?:cli\.js|memgate)$|[\\/]cli[\\/]main\.ts$/.test(entry);
}

if (isEntry()) {
  forwardSignals();
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // A bug, not a user error: still one line, plus where to report it.
      process.stderr.write(`memgate: internal error: ${describeError(err)} (please report this)\n`);
      if (process.env.MEMGATE_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
