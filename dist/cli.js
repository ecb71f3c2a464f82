#!/usr/bin/env node
/**
 * Errors a user can act on. Anything that reaches the shell as a MemgateError is printed as one line
 * (`memgate: <where>: <what>`) with no stack trace; anything else is a bug and keeps its stack.
 */
class MemgateError extends Error {
    /** The file, URL or input the problem is about, if any. */
    where;
    constructor(message, where, options) {
        super(message, options);
        this.name = 'MemgateError';
        this.where = where;
    }
    /** The one line a user sees. */
    get line() {
        return this.where ? `${this.where}: ${this.message}` : this.message;
    }
}
/** One line for any thrown value; MemgateErrors keep their location, others their message only. */
function describeError(err) {
    if (err instanceof MemgateError)
        return err.line;
    if (err instanceof Error)
        return err.message;
    return String(err);
}

/** memgate's version; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';

/**
 * The `memgate` command line. Each verb lives in `src/cli/<verb>.ts`; this file only dispatches and
 * turns user errors into one line on stderr with exit code 2.
 */
const COMMANDS = [];
function help() {
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
async function runCli(argv, io) {
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
    }
    catch (err) {
        if (err instanceof MemgateError) {
            io.stderr(`memgate: ${describeError(err)}\n`);
            return 2;
        }
        throw err;
    }
}
/** True when this module is the process entry (bundled dist/cli.js or `tsx src/cli.ts`), not an import. */
function isEntry() {
    const entry = process.argv[1] ?? '';
    return /(?:^|[\\/])(?:cli\.(?:js|ts)|memgate)$/.test(entry);
}
if (isEntry()) {
    const io = {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        cwd: process.cwd(),
        env: process.env,
    };
    runCli(process.argv.slice(2), io).then((code) => {
        process.exitCode = code;
    }, (err) => {
        // A bug, not a user error: still one line, plus where to report it.
        process.stderr.write(`memgate: internal error: ${describeError(err)} (please report this)\n`);
        if (process.env.MEMGATE_DEBUG)
            process.stderr.write(`${err?.stack ?? ''}\n`);
        process.exitCode = 3;
    });
}

export { runCli };
