/** Where the CLI writes; tests pass string sinks. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Exit codes: 0 success, 1 invalid spec or drift, 2 bad usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Wrong command-line usage; printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Per-stage timing lines on stderr: `✓ load 120 ms`. */
export class Progress {
  private started = performance.now();

  constructor(private readonly io: CliIO) {}

  /** Report the stage that just finished and restart the clock. */
  done(stage: string, detail = ""): void {
    const elapsed = Math.round(performance.now() - this.started);
    this.io.stderr.write(`✓ ${stage} ${elapsed} ms${detail ? ` ${detail}` : ""}\n`);
    this.started = performance.now();
  }

  /** Report a stage whose duration was measured elsewhere (e.g. inside loadSpec). */
  report(stage: string, milliseconds: number, detail = ""): void {
    this.io.stderr.write(`✓ ${stage} ${Math.round(milliseconds)} ms${detail ? ` ${detail}` : ""}\n`);
    this.started = performance.now();
  }

  note(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}
