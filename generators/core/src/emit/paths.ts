import { isAbsolute, join, normalize, sep } from "node:path";
import type { GeneratedFile } from "./types";

/** Thrown when an emitter returns an unusable file list. */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputPathError";
  }
}

/** Absolute target of a generated file; refuses absolute paths, `..` escapes and duplicates. */
export function resolveOutputPaths(outDir: string, files: GeneratedFile[]): Map<string, GeneratedFile> {
  const targets = new Map<string, GeneratedFile>();
  for (const file of files) {
    const relative = normalize(file.path);
    if (!file.path || isAbsolute(file.path) || relative === ".." || relative.startsWith(`..${sep}`)) {
      throw new OutputPathError(
        `generated file path "${file.path}" must be relative and stay inside the output folder`,
      );
    }
    const target = join(outDir, relative);
    if (targets.has(target)) throw new OutputPathError(`generated file "${file.path}" is emitted twice`);
    targets.set(target, file);
  }
  return targets;
}
