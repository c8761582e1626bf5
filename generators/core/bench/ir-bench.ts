/**
 * Prints load + validate + IR + plan times (and plan time as a share of IR time; goal < 10 %) for every corpus
 * spec, our own spec, a 1,500-operation spec of our own making (`synthetic-spec.ts`) and a synthetic 5–10 MB spec
 * built by multiplying Discord's paths; then, side by side, our `generate` for every language and hey-api's
 * types-only run on the same specs. Run: `pnpm bench:codegen` (root) or `pnpm --filter @embott/codegen-core bench`.
 * Figures only; nothing is asserted.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { CORPUS_DIR, corpusSpecs } from "../../../testdata/corpus";
import { buildIR, buildPlan, loadSpec } from "../src/index";
import { GENERATE_HEADER, measureGenerate, RUNS, warmBuild } from "./generate-bench";
import { syntheticSpec } from "./synthetic-spec";

const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const TARGET_BYTES = 6 * 1024 * 1024;

async function measure(file: string, label: string): Promise<string> {
  const started = performance.now();
  const spec = await loadSpec(file);
  const ir = buildIR(spec);
  const irDone = performance.now();
  buildPlan(ir, { document: spec.document });
  const planTime = performance.now() - irDone;
  const total = performance.now() - started;
  const { read, validate, bundle, normalize } = spec.timings;
  const operations = ir.resources.reduce((count, resource) => count + resource.operations.length, 0);
  const irTime = total - planTime - read - validate - bundle - normalize;
  const cells = [
    label,
    kb(statSync(file).size),
    operations,
    ir.models.length,
    ms(read),
    ms(validate),
    ms(bundle),
    ms(normalize),
    ms(irTime),
    ms(planTime),
    `${Math.round((100 * planTime) / irTime)} %`,
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

const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, node ${process.version}, ${process.platform}`,
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
      "normalize",
      "ir",
      "plan",
      "plan/ir",
      "total",
    ]
      .map((h, i) => (i === 0 ? h.padEnd(30) : h.padStart(9)))
      .join(" "),
  );
  for (const path of corpusSpecs()) console.log(await measure(path, basename(path)));
  const own = join(REPO_ROOT, "spec/openapi.yaml");
  if (existsSync(own)) console.log(await measure(own, "spec/openapi.yaml"));
  const synthetic = join(mkdtempSync(join(tmpdir(), "embott-bench-")), "synthetic-1500.json");
  writeFileSync(synthetic, JSON.stringify(syntheticSpec(1500)));
  console.log(await measure(synthetic, "synthetic 1500 ops (allOf)"));
  const large = buildLargeSpec();
  if (large) console.log(await measure(large, "discord×N (synthetic)"));

  console.log(
    `\ngenerate (typescript, python, php, ruby; built CLI) vs hey-api types only, one process each, best of ${RUNS}:`,
  );
  warmBuild();
  console.log(GENERATE_HEADER);
  const generateSpecs: [string, string][] = [
    [own, "spec/openapi.yaml"],
    [join(CORPUS_DIR, "twilio-messaging-v1.json"), "twilio-messaging-v1.json"],
    [join(CORPUS_DIR, "intercom-2.15.yaml"), "intercom-2.15.yaml"],
    [synthetic, "synthetic 1500 ops (allOf)"],
  ];
  for (const [file, label] of generateSpecs) if (existsSync(file)) console.log(measureGenerate(file, label));
}

await main();
