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
  const writer = new AtomicWriter(rename);
  for (const output of outputs) writer.stage(output);
  return writer.commit();
}

/**
 * File operations in flight while staging (sets are staged one after another): enough that Node's file-system
 * threads keep creating files while this thread emits the next language (creating a file is the slow part, in
 * the kernel), fewer than the writer's 32, since an emit worker's own reads and writes wait behind them.
 */
const STAGING_CONCURRENCY = 16;

/** One output set's staged files: the moves that put them in place, and what stayed unchanged. */
interface Staged {
  outDir: string;
  staging: string;
  targets: string[];
  moves: Move[];
  unchanged: number;
}

/**
 * `writeAtomically` in two steps, so that files are staged while other work goes on (creating a file is the
 * slow part of writing thousands): `stage` each output set as soon as it is ready (several sets may share an
 * output folder), then `commit` once (moves, stale-file removal, rollback on failure) — or `discard` the staged
 * files when the run fails before it commits.
 */
export class AtomicWriter {
  private readonly staged: Promise<Staged>[] = [];
  private readonly stagings: string[] = [];

  constructor(private readonly rename: RenameFile = fsRename) {}

  /** Starts staging `output` next to its targets; a failure is reported by `commit`. */
  stage(output: OutputSet): void {
    // The files as they are now (the caller may add to its list later and stage the additions separately).
    const set = { outDir: output.outDir, files: [...output.files] };
    const previous = this.staged.at(-1);
    const staged = previous
      ? previous.then(
          () => this.stageOne(set),
          () => this.stageOne(set),
        )
      : this.stageOne(set);
    staged.catch(() => undefined); // rethrown by commit()
    this.staged.push(staged);
  }

  /** Moves every staged file into place and removes stale generated files, all-or-nothing. */
  async commit(): Promise<WriteSummary> {
    const summary: WriteSummary = { written: [], unchanged: 0, deleted: [] };
    const steps: Step[] = [];
    const directories = new Map<string, Promise<unknown>>();
    const ensureDirectory = (dir: string) => {
      if (!directories.has(dir)) directories.set(dir, mkdir(dir, { recursive: true }));
      return directories.get(dir);
    };
    try {
      const settled = await Promise.allSettled(this.staged);
      const sets = settled.map((result) => {
        if (result.status === "rejected") throw result.reason;
        return result.value;
      });
      const moves: Move[] = [];
      for (const set of sets) {
        summary.unchanged += set.unchanged;
        for (const move of set.moves) summary.written.push(relative(process.cwd(), move.target));
        moves.push(...set.moves);
      }
      moves.push(...(await staleMoves(sets, summary)));
      await eachLimited(moves, (move) => commit(move, this.rename, steps, ensureDirectory));
      return summary;
    } catch (error) {
      for (const step of steps.reverse()) await undo(step, this.rename);
      throw error;
    } finally {
      await this.discard();
    }
  }

  /** Removes the staged files (after the staging that is still under way). */
  async discard(): Promise<void> {
    await Promise.allSettled(this.staged);
    for (const staging of this.stagings.splice(0)) await rm(staging, { recursive: true, force: true });
  }

  private async stageOne(output: OutputSet): Promise<Staged> {
    const targets = [...resolveOutputPaths(output.outDir, output.files)];
    await mkdir(output.outDir, { recursive: true });
    const staging = await mkdtemp(join(output.outDir, ".embott-codegen-staging-"));
    this.stagings.push(staging);
    await mkdir(join(staging, "new"), { recursive: true });
    await mkdir(join(staging, "old"), { recursive: true });
    // One id per file (its index), so no two moves share a staged or backup name; results keep the file order.
    const staged: (Move | undefined)[] = new Array(targets.length);
    await eachLimited(
      targets,
      async ([target, file], index) => {
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
      },
      STAGING_CONCURRENCY,
    );
    const moves = staged.filter((move) => move !== undefined);
    return {
      outDir: output.outDir,
      staging,
      targets: targets.map(([target]) => target),
      moves,
      unchanged: targets.length - moves.length,
    };
  }
}

/** Moves that remove each output folder's generated files that no set staged for that folder emits. */
async function staleMoves(sets: Staged[], summary: WriteSummary): Promise<Move[]> {
  const byFolder = new Map<string, Staged[]>();
  for (const set of sets) byFolder.set(set.outDir, [...(byFolder.get(set.outDir) ?? []), set]);
  const moves: Move[] = [];
  for (const [outDir, inFolder] of byFolder) {
    const emitted = new Set(inFolder.flatMap((set) => set.targets));
    // Backups go into the folder's first staging, numbered after its own files' ids.
    const first = inFolder[0]!;
    let counter = first.targets.length;
    for (const stale of await findGeneratedFiles(outDir)) {
      if (emitted.has(stale)) continue;
      moves.push({ target: stale, backup: join(first.staging, "old", String(counter++)) });
      summary.deleted.push(relative(process.cwd(), stale));
    }
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
