import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { OutputPathError, resolveOutputPaths } from "./paths";
import { findGeneratedFiles } from "./scan";
import type { GeneratedFile } from "./types";

/** The complete generated contents of one output directory. */
export interface OutputSet {
  outDir: string;
  files: GeneratedFile[];
}

/** What a write changed, paths relative to the current directory. */
export interface WriteSummary {
  written: string[];
  unchanged: number;
  deleted: string[];
}

/** One committed step, undone in reverse order if a later step fails. */
type Step = { target: string; backup?: string };

/**
 * Write every output set all-or-nothing: new contents are staged next to the targets first, then moved into
 * place, and stale generated files (marker present, no longer emitted) are removed. A scaffold file is only
 * created when missing; an existing one is left as it is. If any step fails, every
 * step already taken is rolled back and the error is rethrown, so the tree ends as it was.
 */
export async function writeAtomically(outputs: OutputSet[]): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: 0, deleted: [] };
  const stagings: string[] = [];
  const steps: Step[] = [];
  try {
    const moves: { staged?: string; target: string; backup: string }[] = [];
    for (const output of outputs) {
      await mkdir(output.outDir, { recursive: true });
      const staging = await mkdtemp(join(output.outDir, ".embott-codegen-staging-"));
      stagings.push(staging);
      moves.push(...(await stage(output, staging, summary)));
    }
    for (const move of moves) steps.push(await commit(move));
    return summary;
  } catch (error) {
    for (const step of steps.reverse()) await undo(step);
    throw error;
  } finally {
    for (const staging of stagings) await rm(staging, { recursive: true, force: true });
  }
}

async function stage(output: OutputSet, staging: string, summary: WriteSummary) {
  const targets = resolveOutputPaths(output.outDir, output.files);
  const moves: { staged?: string; target: string; backup: string }[] = [];
  let counter = 0;
  for (const [target, file] of targets) {
    if ((await stat(target).catch(() => undefined))?.isDirectory()) {
      throw new OutputPathError(
        `cannot write "${relative(process.cwd(), target)}": a directory is in the way`,
      );
    }
    const current = await readFile(target, "utf8").catch(() => undefined);
    if (current === file.contents || (file.scaffold && current !== undefined)) {
      summary.unchanged++;
      continue;
    }
    const staged = join(staging, "new", String(counter++));
    await mkdir(dirname(staged), { recursive: true });
    await writeFile(staged, file.contents);
    moves.push({ staged, target, backup: join(staging, "old", String(counter)) });
    summary.written.push(relative(process.cwd(), target));
  }
  for (const stale of await findGeneratedFiles(output.outDir)) {
    if (targets.has(stale)) continue;
    moves.push({ target: stale, backup: join(staging, "old", String(counter++)) });
    summary.deleted.push(relative(process.cwd(), stale));
  }
  await mkdir(join(staging, "old"), { recursive: true });
  return moves;
}

/** Move the old file (if any) aside, then the staged file (if any) into place. */
async function commit(move: { staged?: string; target: string; backup: string }): Promise<Step> {
  const hadOld = await rename(move.target, move.backup).then(
    () => true,
    () => false,
  );
  const step: Step = { target: move.target, ...(hadOld ? { backup: move.backup } : {}) };
  if (move.staged) {
    await mkdir(dirname(move.target), { recursive: true });
    await rename(move.staged, move.target);
  }
  return step;
}

async function undo(step: Step): Promise<void> {
  await rm(step.target, { force: true });
  if (step.backup) await rename(step.backup, step.target);
}
