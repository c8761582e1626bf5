/**
 * Prints, for every corpus spec, our own spec, a 1,500-operation spec of our own making (`synthetic-spec.ts`) and
 * a synthetic 5–10 MB spec built by multiplying Discord's paths: the load stages (wall clock), then the IR and
 * the plan built from it, side by side with plan time as a share of IR time (issue 8's goal: < 10 %). IR and
 * plan are timed around `buildIR` and `buildPlan` alone, in CPU time (see `timed`; garbage collection included, as
 * in `generate`, where the plan's first collections also move what the IR build left): once as `generate` does it (the first build of that spec in this process), then the median of
 * repeated builds (at least 5, up to 20 or 3 s; a small spec's builds are timed in batches of up to 100 so that
 * each figure spans ~20 ms). Then, side by side, our `generate` for every language and hey-api's types-only
 * run on the same specs (wall clock).
 * Run: `pnpm bench:codegen` (root) or `pnpm --filter @embott/codegen-core bench`; `bench:plan` prints only the
 * first table (`--stages`), `bench:generate` only the second (`--generate`, or `--generate=intercom` for the specs
 * whose label contains that). Figures only; nothing is asserted.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { CORPUS_DIR, corpusSpecs } from "../../../testdata/corpus";
import { buildIR, buildPlan, type LoadedSpec, loadSpec } from "../src/index";
import { GENERATE_HEADER, measureGenerate, RUNS, warmBuild } from "./generate-bench";
import { syntheticSpec } from "./synthetic-spec";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const TARGET_BYTES = 6 * 1024 * 1024;
const REPEAT = { min: 5, max: 20, budgetMs: 3000 };
const BATCH_MS = 20;

/**
 * Run with `node --single-threaded` (the package scripts do): V8 then does its garbage collection and
 * compilation on the main thread, so this process's CPU time is the work of the code being timed alone,
 * however loaded the machine is. Otherwise it is the wall clock.
 */
const SINGLE_THREADED = process.execArgv.includes("--single-threaded");
const CLOCK = SINGLE_THREADED
  ? "CPU time (node --single-threaded)"
  : "wall clock (run with node --single-threaded for CPU time)";

/** Milliseconds spent in `run`: CPU time when single-threaded, else wall clock. */
function timed(run: () => void): number {
  if (!SINGLE_THREADED) {
    const before = performance.now();
    run();
    return performance.now() - before;
  }
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** Time of `buildIR`, then of `buildPlan` on that IR, each the mean of `batch` builds in a row. */
function buildOnce(spec: LoadedSpec, batch = 1): { ir: number; plan: number } {
  let ir: ReturnType<typeof buildIR> | undefined;
  const irMs = timed(() => {
    for (let index = 0; index < batch; index++) ir = buildIR(spec);
  });
  const planMs = timed(() => {
    for (let index = 0; index < batch; index++) buildPlan(ir!, { document: spec.document });
  });
  return { ir: irMs / batch, plan: planMs / batch };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

async function measure(file: string, label: string): Promise<string> {
  const started = performance.now();
  const spec = await loadSpec(file);
  const loaded = performance.now() - started;
  const first = buildOnce(spec);
  const total = performance.now() - started;
  // Small specs build in well under a millisecond: time batches of builds long enough to measure.
  const batch = Math.min(100, Math.max(1, Math.ceil(BATCH_MS / Math.max(first.ir + first.plan, 0.01))));
  const repeats: { ir: number; plan: number }[] = [];
  const repeatStarted = performance.now();
  while (
    repeats.length < REPEAT.min ||
    (repeats.length < REPEAT.max && performance.now() - repeatStarted < REPEAT.budgetMs)
  ) {
    repeats.push(buildOnce(spec, batch));
  }
  const ir = median(repeats.map((run) => run.ir));
  const plan = median(repeats.map((run) => run.plan));
  const { read, validate, bundle, normalize } = spec.timings;
  const model = buildIR(spec);
  const operations = model.resources.reduce((count, resource) => count + resource.operations.length, 0);
  const cells = [
    label,
    kb(statSync(file).size),
    operations,
    model.models.length,
    ms(read),
    ms(validate),
    ms(bundle),
    ms(loaded - read - validate - bundle - normalize),
    ms(normalize),
    ms(first.ir),
    ms(first.plan),
    percent(first.plan, first.ir),
    ms(ir),
    ms(plan),
    percent(plan, ir),
    `${repeats.length}×${batch}`,
    ms(total),
  ];
  return cells
    .map((cell, index) => (index === 0 ? String(cell).padEnd(30) : String(cell).padStart(9)))
    .join(" ");
}

/** Discord's document with its paths copied under /copyN/ prefixes until the file exceeds TARGET_BYTES. */
function buildLargeSpec(): string | undefined {
  const source = join(CORPUS_DIR, "discord.json");
  if (!existsSync(source)) return undefined;
  const document = JSON.parse(readFileSync(source, "utf8")) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  const original = Object.entries(document.paths);
  const copies = Math.ceil(TARGET_BYTES / JSON.stringify(document.paths).length) + 1;
  for (let copy = 2; copy <= copies; copy++) {
    for (const [path, item] of original) {
      const cloned = structuredClone(item);
      for (const operation of Object.values(cloned)) {
        if (typeof operation === "object" && operation?.operationId) operation.operationId += `_copy${copy}`;
      }
      document.paths[`/copy${copy}${path}`] = cloned;
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), "embott-bench-")), "discord-x.json");
  writeFileSync(file, JSON.stringify(document));
  return file;
}

const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** `--generate` (or `--generate=<part of a spec's label>`): only the generate-vs-hey-api table. */
const generateOnly = process.argv.findLast((arg) => arg === "--generate" || arg.startsWith("--generate="));

async function main(): Promise<void> {
  if (generateOnly) return generateTable(generateOnly.slice("--generate=".length));
  console.log(
    `machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, node ${process.version}, ${process.platform}`,
  );
  console.log(
    `load stages: wall clock; ir/plan: ${CLOCK}, the first build of each spec, then the median of repeated builds (\`builds\`: runs × batch)`,
  );
  console.log(
    [
      "spec",
      "size",
      "ops",
      "models",
      "read",
      "validate",
      "bundle",
      "checks",
      "normalize",
      "ir",
      "plan",
      "plan/ir",
      "ir med",
      "plan med",
      "plan/ir",
      "builds",
      "total",
    ]
      .map((h, i) => (i === 0 ? h.padEnd(30) : h.padStart(9)))
      .join(" "),
  );
  for (const path of corpusSpecs()) console.log(await measure(path, basename(path)));
  const own = join(REPO_ROOT, "spec/openapi.yaml");
  if (existsSync(own)) console.log(await measure(own, "spec/openapi.yaml"));
  console.log(await measure(syntheticFile(), "synthetic 1500 ops (allOf)"));
  const large = buildLargeSpec();
  if (large) console.log(await measure(large, "discord×N (synthetic)"));
  if (process.argv.includes("--stages")) return;
  generateTable("");
}

let synthetic: string | undefined;
function syntheticFile(): string {
  if (synthetic) return synthetic;
  synthetic = join(mkdtempSync(join(tmpdir(), "embott-bench-")), "synthetic-1500.json");
  writeFileSync(synthetic, JSON.stringify(syntheticSpec(1500)));
  return synthetic;
}

/** Our `generate` beside hey-api's types-only run on the specs whose label contains `filter`. */
function generateTable(filter: string): void {
  console.log(
    `\ngenerate (typescript, python, php, ruby; built CLI) vs hey-api types only, one process each, best of ${RUNS}:`,
  );
  warmBuild();
  console.log(GENERATE_HEADER);
  const generateSpecs: [() => string, string][] = [
    [() => join(REPO_ROOT, "spec/openapi.yaml"), "spec/openapi.yaml"],
    [() => join(CORPUS_DIR, "twilio-messaging-v1.json"), "twilio-messaging-v1.json"],
    [() => join(CORPUS_DIR, "intercom-2.15.yaml"), "intercom-2.15.yaml"],
    [syntheticFile, "synthetic 1500 ops (allOf)"],
  ];
  for (const [file, label] of generateSpecs) {
    if (!label.includes(filter)) continue;
    const path = file();
    if (existsSync(path)) console.log(measureGenerate(path, label));
  }
}

await main();
