/** One thing wrong with a spec, located precisely enough to jump to it. */
export interface Problem {
  /** `error` stops generation; `warning` is reported only. */
  severity: "error" | "warning";
  /** Spec file the problem is in (as given, or the $ref'd file). */
  file: string;
  /** 1-based line, 0 when unknown. */
  line: number;
  /** 1-based column, 0 when unknown. */
  col: number;
  /** JSON pointer inside the file, e.g. "#/paths/~1bots/get"; "#" for the whole document. */
  pointer: string;
  /** What is wrong. */
  message: string;
  /** Validator rule that raised it (struct, no-unresolved-refs, yaml, openapi-version…). */
  rule: string;
}

/**
 * A problem whose line and column are looked up only when first read (`locate` may parse the whole file's YAML
 * AST: a spec with no problem, or problems nobody prints, never pays for it). Plain enumerable fields otherwise,
 * in `Problem`'s order.
 */
export function lazyProblem(
  fields: Omit<Problem, "line" | "col">,
  locate: () => { line: number; col: number },
): Problem {
  let at: { line: number; col: number } | undefined;
  return {
    severity: fields.severity,
    file: fields.file,
    get line() {
      at ??= locate();
      return at.line;
    },
    get col() {
      at ??= locate();
      return at.col;
    },
    pointer: fields.pointer,
    message: fields.message,
    rule: fields.rule,
  };
}

/** `file:line:col pointer message`, the one-line format the CLI prints. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.col}` : problem.file;
  return `${where} ${problem.pointer} ${problem.severity}: ${problem.message} (${problem.rule})`;
}

/** Thrown when a spec cannot be used: unreadable, unparsable or invalid. Carries every error found. */
export class SpecError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const errors = problems.filter((problem) => problem.severity === "error");
    super(`${errors.length} problem(s) in the spec:\n${errors.map(formatProblem).join("\n")}`);
    this.name = "SpecError";
    this.problems = problems;
  }
}
