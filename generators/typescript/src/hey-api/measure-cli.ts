// Times hey-api (types only) against the emitter's other stages on corpus specs; prints a Markdown table.
// Run from the repo root: pnpm exec tsx generators/typescript/src/hey-api/measure-cli.ts [spec …]
import { join } from "node:path";
import { buildIR, loadSpec } from "@embott/codegen-core";
import { CORPUS_DIR } from "../../../../testdata/corpus";
import { emitTypeScript } from "../emit/emitter";
import { typescriptNaming } from "../naming";
import { runHeyApiTypes } from "./run-hey-api";

const DEFAULT_SPECS = ["discord.json", "intercom-2.15.yaml", "twilio-messaging-v1.json"].map((name) =>
  join(CORPUS_DIR, name),
);

async function measure(spec: string): Promise<string> {
  const loaded = await loadSpec(spec);
  const ir = buildIR(loaded);
  const operations = ir.resources.reduce((count, resource) => count + resource.operations.length, 0);
  const heyApi = await runHeyApiTypes(spec);
  const started = performance.now();
  const files = await emitTypeScript(
    ir,
    { specFile: spec, outDir: "/nonexistent", generatorVersion: "measure", document: loaded.document },
    typescriptNaming,
  );
  const emitMs = performance.now() - started;
  const typesKb = (files.find((file) => file.path === "src/types.gen.ts")?.contents.length ?? 0) / 1024;
  const name = spec.split("/").at(-1);
  return `| ${name} | ${operations} | ${Math.round(heyApi.elapsedMs)} ms | ${Math.round(emitMs)} ms | ${typesKb.toFixed(0)} KiB |`;
}

const specs = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_SPECS;
console.log(
  "| spec | methods | hey-api types only | whole TS emitter (hey-api + surface + biome) | types.gen.ts |",
);
console.log("|---|---:|---:|---:|---:|");
for (const spec of specs) console.log(await measure(spec));
