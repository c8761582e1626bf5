import { rename as fsRename, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { eachLimited } from "./limited";
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

/** A planned move: the old target (if any) to `backup`, then the staged file (if any) into place. */
type Move = { staged?: string; target: string; backup: string };

/** The file operation a commit depends on; tests inject a failing one to exercise the rollback. */
export type RenameFile = (from: string, to: string) => Promise<void>;

/**
 * Write every output set all-or-nothing: new contents are staged next to the targets first, then moved into
 * place, and stale generated files (marker present, no longer emitted) are removed. A scaffold file is only
 * created when missing; an existing one is left as it is. If any step fails, every
 * step already taken is rolled back and the error is rethrown, so the tree ends as it was.
 */
export async function writeAtomically(
  outputs: OutputSet[],
  rename: RenameFile = fsRename,
): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: 0, deleted: [] };
  const stagings: string[] = [];
  const steps: Step[] = [];
  const directories = new Map<string, Promise<unknown>>();
  const ensureDirectory = (dir: string) => {
    if (!directories.has(dir)) directories.set(dir, mkdir(dir, { recursive: true }));
    return directories.get(dir);
  };
  try {
    const moves: Move[] = [];
    for (const output of outputs) {
      await mkdir(output.outDir, { recursive: true });
      const staging = await mkdtemp(join(output.outDir, ".embott-codegen-staging-"));
      stagings.push(staging);
      moves.push(...(await stage(output, staging, summary)));
    }
    await eachLimited(moves, (move) => commit(move, rename, steps, ensureDirectory));
    return summary;
  } catch (error) {
    for (const step of steps.reverse()) await undo(step, rename);
    throw error;
  } finally {
    for (const staging of stagings) await rm(staging, { recursive: true, force: true });
  }
}

async function stage(output: OutputSet, staging: string, summary: WriteSummary) {
  const targets = [...resolveOutputPaths(output.outDir, output.files)];
  await mkdir(join(staging, "new"), { recursive: true });
  await mkdir(join(staging, "old"), { recursive: true });
  // One id per file (its index), so no two moves share a staged or backup name; results keep the file order.
  const staged: (Move | undefined)[] = new Array(targets.length);
  await eachLimited(targets, async ([target, file], index) => {
    if ((await stat(target).catch(() => undefined))?.isDirectory()) {
      throw new OutputPathError(
        `cannot write "${relative(process.cwd(), target)}": a directory is in the way`,
      );
    }
    const current = await readFile(target, "utf8").catch(() => undefined);
    if (current === file.contents || (file.scaffold && current !== undefined)) return;
    const id = String(index);
    await writeFile(join(staging, "new", id), file.contents);
    staged[index] = { staged: join(staging, "new", id), target, backup: join(staging, "old", id) };
  });
  const moves: Move[] = [];
  for (const move of staged) {
    if (move === undefined) summary.unchanged++;
    else {
      moves.push(move);
      summary.written.push(relative(process.cwd(), move.target));
    }
  }
  const emitted = new Set(targets.map(([target]) => target));
  let counter = targets.length;
  for (const stale of await findGeneratedFiles(output.outDir)) {
    if (emitted.has(stale)) continue;
    moves.push({ target: stale, backup: join(staging, "old", String(counter++)) });
    summary.deleted.push(relative(process.cwd(), stale));
  }
  return moves;
}

/**
 * Move the old file (if any) aside, record the step, then move the staged file (if any) into place. The step is
 * recorded before the second rename so a failure there still restores the old file.
 */
async function commit(
  move: Move,
  rename: RenameFile,
  steps: Step[],
  ensureDirectory: (dir: string) => Promise<unknown> | undefined,
): Promise<void> {
  const hadOld = await rename(move.target, move.backup).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw error;
    },
  );
  steps.push({ target: move.target, ...(hadOld ? { backup: move.backup } : {}) });
  if (move.staged) {
    await ensureDirectory(dirname(move.target));
    await rename(move.staged, move.target);
  }
}

async function undo(step: Step, rename: RenameFile): Promise<void> {
  await rm(step.target, { force: true });
  if (step.backup) await rename(step.backup, step.target);
}
