import { relative } from "node:path";
import {
  BaseResolver,
  bundle,
  createConfig,
  getLineColLocation,
  lint,
  type NormalizedProblem,
  YamlParseError,
} from "@redocly/openapi-core";
import { type Problem, SpecError } from "./problem";

/**
 * Structural validity only (not style): real-world specs must pass. `struct` checks every node against the
 * OpenAPI schema for the document's version; `no-unresolved-refs` catches dangling $refs.
 */
const STRUCTURAL_RULES = { struct: "error", "no-unresolved-refs": "error" } as const;

/** Result of validating and bundling one spec file. */
export interface ValidatedSpec {
  /** The bundled document: external $refs inlined into components, internal $refs kept. */
  document: Record<string, unknown>;
  /** Errors and warnings found. */
  problems: Problem[];
  /** Milliseconds spent linting and bundling. */
  timings: { validate: number; bundle: number };
}

/** Lint then bundle `absolutePath` with @redocly/openapi-core; `displayPath` names the file in problems. */
export async function validateAndBundle(absolutePath: string, displayPath: string): Promise<ValidatedSpec> {
  const config = await createConfig({ rules: STRUCTURAL_RULES });
  const externalRefResolver = new BaseResolver();
  const started = performance.now();
  try {
    const lintProblems = await lint({ ref: absolutePath, config, externalRefResolver });
    const linted = performance.now();
    const bundled = await bundle({ ref: absolutePath, config, externalRefResolver });
    const problems = [...lintProblems, ...bundled.problems].map((problem) =>
      toProblem(problem, absolutePath, displayPath),
    );
    return {
      document: bundled.bundle.parsed as Record<string, unknown>,
      problems: dedupe(problems),
      timings: { validate: linted - started, bundle: performance.now() - linted },
    };
  } catch (error) {
    if (error instanceof YamlParseError) {
      const message = error.originalError.message.split("\n")[0] ?? error.message;
      throw new SpecError([parseProblem(displayPath, message, error.line, error.col, "yaml")]);
    }
    // Anything else the validator throws (unknown document kind, resolver failure) is still a spec problem.
    const message = error instanceof Error ? error.message : String(error);
    throw new SpecError([
      parseProblem(displayPath, `the validator could not read the spec: ${message}`, 0, 0, "validator"),
    ]);
  }
}

function toProblem(problem: NormalizedProblem, absolutePath: string, displayPath: string): Problem {
  const location = problem.location[0];
  const lineCol = location ? getLineColLocation(location) : undefined;
  const sourceFile = location?.source.absoluteRef;
  return {
    severity: problem.severity === "error" ? "error" : "warning",
    file: !sourceFile || sourceFile === absolutePath ? displayPath : relative(process.cwd(), sourceFile),
    line: lineCol?.start.line ?? 0,
    col: lineCol?.start.col ?? 0,
    pointer: location && "pointer" in location && location.pointer ? location.pointer : "#",
    message: problem.message,
    rule: problem.ruleId,
  };
}

/** A problem raised before validation could run (file missing, syntax error, wrong version). */
export function parseProblem(file: string, message: string, line = 0, col = 0, rule = "parse"): Problem {
  return { severity: "error", file, line, col, pointer: "#", message, rule };
}

/** Lint and bundle can both report the same dangling $ref; keep one line per problem. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.col}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
