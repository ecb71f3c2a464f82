/**
 * Errors a user can act on. Anything that reaches the shell as a MemgateError is printed as one line
 * (`memgate: <where>: <what>`) with no stack trace; anything else is a bug and keeps its stack.
 */
export class MemgateError extends Error {
  /** The file, URL or input the problem is about, if any. */
  readonly where?: string;

  constructor(message: string, where?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MemgateError';
    this.where = where;
  }

  /** The one line a user sees. */
  get line(): string {
    return this.where ? `${this.where}: ${this.message}` : this.message;
  }
}

/** Input bytes that do not match their format. Parsers throw this and nothing else on bad input. */
export class ParseError extends MemgateError {
  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super(message, source, options);
    this.name = 'ParseError';
  }
}

/** One line for any thrown value; MemgateErrors keep their location, others their message only. */
export function describeError(err: unknown): string {
  if (err instanceof MemgateError) return err.line;
  if (err instanceof Error) return err.message;
  return String(err);
}
