import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { normalizeDocument } from "../normalize/normalize";
import { type Problem, SpecError } from "./problem";
import { parseProblem, type ValidateOptions, validateAndBundle } from "./validate";
import { checkOpenApiVersion } from "./version";

/** A spec that loaded, validated and was normalised to the OpenAPI 3.1 meaning. */
export interface LoadedSpec {
  /** Path as given by the caller (kept relative for stable output). */
  file: string;
  /** The `openapi` version string the document declared. */
  openapi: string;
  /** sha256 (hex) of the file's bytes. */
  sha256: string;
  /** Bundled, normalised document (plain JSON; internal $refs kept). */
  document: Record<string, unknown>;
  /** Warnings (errors throw a SpecError instead). */
  warnings: Problem[];
  /** Milliseconds per stage. */
  timings: { read: number; validate: number; bundle: number; normalize: number };
}

/**
 * Read, validate, bundle and normalise one OpenAPI 3.0/3.1 file (YAML or JSON).
 * Throws `SpecError` listing every error (file:line:col + JSON pointer) when the spec is unusable; problems that
 * do not stop generation are returned as `warnings` (`strict` turns every structural one into an error).
 */
export async function loadSpec(file: string, options: ValidateOptions = {}): Promise<LoadedSpec> {
  const absolutePath = resolve(file);
  const started = performance.now();
  const bytes = await readSpecBytes(absolutePath, file);
  const read = performance.now() - started;
  const version = checkOpenApiVersion(bytes.toString("utf8"), absolutePath, file);
  if (version.problem) throw new SpecError([version.problem]);
  const validated = await validateAndBundle(absolutePath, file, options, version.document);
  const errors = validated.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw new SpecError(validated.problems);
  const openapi = String(validated.document["openapi"] ?? "");
  const normalizeStarted = performance.now();
  const document = normalizeDocument(validated.document);
  return {
    file,
    openapi,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    document,
    warnings: validated.problems,
    timings: { read, ...validated.timings, normalize: performance.now() - normalizeStarted },
  };
}

async function readSpecBytes(absolutePath: string, file: string): Promise<Buffer> {
  try {
    return await readFile(absolutePath);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : String(error);
    throw new SpecError([parseProblem(file, `cannot read spec: ${reason}`, 0, 0, "read")]);
  }
}
