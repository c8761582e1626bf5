import { relative } from "node:path";
import {
  BaseResolver,
  bundle,
  createConfig,
  type Document,
  getLineColLocation,
  lint,
  type NormalizedProblem,
  YamlParseError,
} from "@redocly/openapi-core";
import { checkExtensions } from "./checks/extensions";
import { checkExternalRefs } from "./checks/external-refs";
import { checkOperations } from "./checks/operations";
import { walkOperations } from "./checks/operations-walk";
import { checkSecurity } from "./checks/security";
import { structuralSeverity } from "./checks/severity";
import { Locator } from "./locate";
import { lazyProblem, type Problem, SpecError } from "./problem";

/**
 * Structural validity only (not style): real-world specs must pass. `struct` checks every node against the
 * OpenAPI schema for the document's version (most of its complaints become warnings, see `checks/severity.ts`);
 * `no-unresolved-refs` catches dangling $refs.
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

/** Options of validation. */
export interface ValidateOptions {
  /** Every structural problem is an error, as OpenAPI's own schema says (default: only what breaks an SDK). */
  strict?: boolean;
}

/**
 * Lint then bundle `absolutePath` with @redocly/openapi-core, then run our own checks on the bundled document
 * (external refs left behind, `x-embott-*` extensions, duplicate operationIds, undeclared path placeholders).
 * `displayPath` names the file in problems. `parsed` is the root file already parsed (by the version check):
 * Redocly's resolver reads it from its cache instead of parsing it again.
 */
export async function validateAndBundle(
  absolutePath: string,
  displayPath: string,
  options: ValidateOptions = {},
  parsed?: Document,
): Promise<ValidatedSpec> {
  const config = await createConfig({ rules: STRUCTURAL_RULES });
  const externalRefResolver = new BaseResolver();
  // The resolver would read the file with \r\n turned into \n: reuse the parse only when that changes nothing.
  if (parsed && !parsed.source.body.includes("\r\n"))
    externalRefResolver.cache.set(absolutePath, Promise.resolve(parsed));
  const started = performance.now();
  try {
    const lintProblems = await lint({ ref: absolutePath, config, externalRefResolver });
    const linted = performance.now();
    const bundled = await bundle({ ref: absolutePath, config, externalRefResolver });
    const structural = [...lintProblems, ...bundled.problems].map((problem) =>
      toProblem(problem, absolutePath, displayPath, options.strict === true),
    );
    const document = bundled.bundle.parsed as Record<string, unknown>;
    const locator = await Locator.forFile(externalRefResolver, absolutePath, displayPath);
    const operations = walkOperations(document);
    const own = [
      ...checkExternalRefs(document, absolutePath, locator),
      ...checkOperations(operations, locator),
      ...checkExtensions(document, operations, locator),
      ...checkSecurity(document, operations, locator),
    ];
    return {
      document,
      problems: dedupe([...structural, ...own]),
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

/** Redocly's problem as ours, with the severity `structuralSeverity` gives it; its line is found when read. */
function toProblem(
  problem: NormalizedProblem,
  absolutePath: string,
  displayPath: string,
  strict: boolean,
): Problem {
  const location = problem.location[0];
  const sourceFile = location?.source.absoluteRef;
  const fields = {
    severity: problem.severity === "error" ? ("error" as const) : ("warning" as const),
    file: !sourceFile || sourceFile === absolutePath ? displayPath : relative(process.cwd(), sourceFile),
    pointer: location && "pointer" in location && location.pointer ? location.pointer : "#",
    message: problem.message,
    rule: problem.ruleId,
  };
  const severity = structuralSeverity({ ...fields, line: 0, col: 0 }, strict);
  return lazyProblem({ ...fields, severity }, () => {
    const lineCol = location ? getLineColLocation(location) : undefined;
    return { line: lineCol?.start.line ?? 0, col: lineCol?.start.col ?? 0 };
  });
}

/** A problem raised before validation could run (file missing, syntax error, wrong version). */
export function parseProblem(file: string, message: string, line = 0, col = 0, rule = "parse"): Problem {
  return { severity: "error", file, line, col, pointer: "#", message, rule };
}

/** Lint, bundle and our checks can report the same dangling $ref; keep one line per place and cause. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const refPointers = new Set(
    problems.filter((problem) => problem.rule === "no-unresolved-refs").map((problem) => problem.pointer),
  );
  const kept = problems.filter(
    (problem) => !(problem.rule === "external-ref" && refPointers.has(problem.pointer)),
  );
  // Only problems sharing a file and message can share a place, so only those have their line looked up.
  const sameMessage = new Map<string, number>();
  for (const problem of kept) {
    const key = `${problem.file}:${problem.message}`;
    sameMessage.set(key, (sameMessage.get(key) ?? 0) + 1);
  }
  return kept.filter((problem) => {
    if (sameMessage.get(`${problem.file}:${problem.message}`) === 1) return true;
    const key = `${problem.file}:${problem.line}:${problem.col}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
