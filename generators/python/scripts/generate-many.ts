// Generates the Python SDK of several specs in one process (faster than one CLI run each), for the Python tests
// that hold the emitter to other specs: `tsx generate-many.ts <out dir> <spec>...` writes <out>/<spec name>/src.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { buildIR, buildPlan, formatProblem, loadSpec, SpecError } from "@embott/codegen-core";
import { emitPython } from "../src/emit/emitter";
import { pythonNaming } from "../src/naming";

const [out, ...specs] = process.argv.slice(2);
if (!out || specs.length === 0) {
  console.error("usage: tsx generate-many.ts <out dir> <spec>...");
  process.exit(2);
}
let failed = 0;
for (const spec of specs) {
  const name = basename(spec).replace(/\.(ya?ml|json)$/, "");
  try {
    const loaded = await loadSpec(spec);
    const plan = buildPlan(buildIR(loaded), { document: loaded.document });
    for (const file of emitPython(plan, { specFile: basename(spec) }, pythonNaming)) {
      const path = join(out, name, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
    console.log(`${name}\t${plan.sdk.packageName}`);
  } catch (error) {
    failed++;
    const detail = error instanceof SpecError ? error.problems.map(formatProblem).join("\n") : String(error);
    console.error(`✗ ${name}: ${detail}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
