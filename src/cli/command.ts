/** The shape every CLI verb has, so `cli.ts` can dispatch and tests can run verbs in-process. */

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Working directory relative paths resolve against. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  /** One line for `memgate --help`. */
  summary: string;
  /** Full usage text for `memgate <verb> --help`. */
  usage: string;
  /** Returns the exit code: 0 ok/pass, 1 gate failed, 2 bad input. Throw MemgateError for bad input. */
  run(argv: string[], io: CliIO): Promise<number>;
}
