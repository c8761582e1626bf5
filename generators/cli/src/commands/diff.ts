import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  BaseSpecError,
  bumpFor,
  ChangesetError,
  compareSurfaces,
  covers,
  type DiffReport,
  diffLanguage,
  formatJson,
  formatOneLine,
  formatTable,
  type GeneratedFile,
  type LanguageTarget,
  pendingBump,
  type ReleaseGroup,
  readReleaseGroup,
  readSnapshot,
  resolveBaseSpec,
  type SdkPlan,
  SpecError,
  snapshotFile,
  summarize,
  surfaceFromPlan,
  writeChangeset,
} from "@embott/codegen-core";
import { DEFAULT_CONFIG_FILE, specForInspect } from "../config";
import { type CliIO, EXIT, Progress, UsageError } from "../io";
import { selectTargets } from "../targets";
import { loadPlan } from "./load-ir";

/** Options of `diff`. */
export interface DiffOptions {
  base?: string;
  spec?: string;
  config?: string;
  languages?: string[];
  json: boolean;
  changeset?: boolean;
  requireChangeset?: boolean;
}

/**
 * Build the surface of the old (`--base`: a file or a git revision) and the new spec, print every change
 * classified per language, and optionally write the changeset or check that a pending one covers the change.
 */
export async function diff(
  options: DiffOptions,
  io: CliIO,
  targets?: readonly LanguageTarget[],
): Promise<number> {
  if (options.base === undefined) throw new UsageError("diff needs --base FILE|REV (e.g. --base main)");
  const languages = (await selectTargets(options.languages, targets)).map((target) =>
    diffLanguage(target.naming),
  );
  const headSpec = specForInspect(options);
  const progress = new Progress(io);
  let base: ReturnType<typeof resolveBaseSpec>;
  try {
    base = resolveBaseSpec(options.base, headSpec);
  } catch (error) {
    if (error instanceof BaseSpecError) return fail(io, error.message);
    throw error;
  }
  let basePlan: SdkPlan;
  try {
    const relabelled: CliIO = {
      stdout: io.stdout,
      stderr: { write: (text) => io.stderr.write(base.relabel(text)) },
    };
    basePlan = (await loadPlan(base.file, new Progress(relabelled))).plan;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const relabel = base.relabel;
    throw new SpecError(
      error.problems.map((problem) => ({
        ...problem,
        file: relabel(problem.file),
        message: relabel(problem.message),
      })),
    );
  } finally {
    base.cleanup();
  }
  const headPlan = (await loadPlan(headSpec, progress)).plan;
  const report = compareSurfaces(surfaceFromPlan(basePlan), surfaceFromPlan(headPlan), languages, {
    base: base.label,
    head: headSpec,
  });
  progress.done("diff", `${report.changes.length} change(s)`);
  io.stdout.write(options.json ? formatJson(report) : formatTable(report));
  if (!options.changeset && !options.requireChangeset) return EXIT.ok;
  const root = repositoryRoot(options.config);
  try {
    const group = releaseGroup(root, headPlan.sdk.packageName);
    if (options.changeset) writeReportChangeset(root, report, group, headPlan, io);
    if (options.requireChangeset) return requireChangeset(root, report, group, io);
  } catch (error) {
    if (error instanceof ChangesetError) return fail(io, error.message);
    throw error;
  }
  return EXIT.ok;
}

/** The folder holding codegen.config.json (where `.changeset/` lives), else the current directory. */
function repositoryRoot(config: string | undefined): string {
  const file = resolve(config ?? DEFAULT_CONFIG_FILE);
  return existsSync(file) ? dirname(file) : process.cwd();
}

/** The fixed group holding the SDK's package, else the first fixed group. */
function releaseGroup(root: string, sdkPackage: string): ReleaseGroup {
  try {
    return readReleaseGroup(root, sdkPackage);
  } catch {
    return readReleaseGroup(root);
  }
}

function writeReportChangeset(
  root: string,
  report: DiffReport,
  group: ReleaseGroup,
  head: SdkPlan,
  io: CliIO,
): void {
  if (report.changes.length === 0) {
    io.stderr.write("– no change to the SDK surface; no changeset written\n");
    return;
  }
  const name = `sdk-surface-${head.source.sha256.slice(0, 10)}`;
  const { file, bump } = writeChangeset(root, report, group, name);
  io.stderr.write(
    `✓ changeset ${file}: ${bump} for ${group.packages.join(", ")} (version ${group.version})\n`,
  );
}

/** Exit 1 when the change is breaking or additive and no pending changeset declares at least its bump. */
function requireChangeset(root: string, report: DiffReport, group: ReleaseGroup, io: CliIO): number {
  const level = summarize(report).level;
  if (level === "none") {
    io.stderr.write("✓ require-changeset: no breaking or additive change\n");
    return EXIT.ok;
  }
  const required = bumpFor(level, group.version);
  const declared = pendingBump(root, group);
  if (covers(declared, required)) {
    io.stderr.write(
      `✓ require-changeset: a pending changeset declares ${declared} (${level} needs ${required})\n`,
    );
    return EXIT.ok;
  }
  return fail(
    io,
    `require-changeset: the change is ${level}, which needs a ${required} bump of ${group.packages.join(", ")} ` +
      `(version ${group.version}); pending changesets declare ${declared ?? "none"}. ` +
      "Run `embott-codegen diff --base REV --changeset` or `pnpm changeset`.",
  );
}

/**
 * For `generate`: the surface snapshot every output gets and, when the spec differs from the one the outputs
 * were last generated from (the first snapshot found in `outDirs`), the one-line summary of what that changes.
 */
export async function surfaceChange(
  plan: SdkPlan,
  outDirs: readonly string[],
  loadTargets: () => Promise<readonly LanguageTarget[]>,
): Promise<{ snapshot: GeneratedFile; change?: string }> {
  const surface = surfaceFromPlan(plan);
  const snapshot = snapshotFile(surface, plan.source.file);
  let previous: Awaited<ReturnType<typeof readSnapshot>>;
  for (const outDir of outDirs) previous ??= await readSnapshot(outDir);
  if (!previous || previous.source.sha256 === surface.source.sha256) return { snapshot };
  // The languages' naming is loaded only now: most runs regenerate an unchanged spec.
  const languages = (await loadTargets()).map((target) => diffLanguage(target.naming));
  const change = formatOneLine(compareSurfaces(previous, surface, languages));
  return { snapshot, change: `spec changed since the last generate: ${change}` };
}

function fail(io: CliIO, message: string): number {
  io.stderr.write(`✗ ${message}\n`);
  return EXIT.failure;
}
