// Generates the Python SDK of several specs in one process (faster than one CLI run each), for the Python tests
// that hold the emitter to other specs: `tsx generate-many.ts <out dir> <spec>...` writes <out>/<spec name>/src
// and <out>/<spec name>/names.json (plan ids → the Python names the emitter gave them, for the repro runner).
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { buildIR, buildPlan, formatProblem, loadSpec, type SdkPlan, SpecError } from "@embott/codegen-core";
import { credentialOption } from "../src/emit/client";
import { emitPython } from "../src/emit/emitter";
import { PythonNames } from "../src/emit/names";
import { pythonNaming } from "../src/naming";

/** The client class, each method's accessor path and params, each scheme's credential option. */
function pythonNamesOf(plan: SdkPlan) {
  const names = new PythonNames(pythonNaming);
  const methods: Record<string, { path: string[]; params: Record<string, string> }> = {};
  const walk = (resources: SdkPlan["resources"], prefix: string[]) => {
    for (const resource of resources) {
      const path = [...prefix, names.id(resource.property, "resource")];
      for (const method of resource.methods) {
        const params = Object.fromEntries(
          method.params.map((param) => [param.wireName, names.param(param.name)]),
        );
        methods[method.id] = { path: [...path, names.id(method.name, "method")], params };
      }
      walk(resource.children, path);
    }
  };
  walk(plan.resources, []);
  return {
    client: names.type(plan.client.name),
    methods,
    credentials: Object.fromEntries(
      plan.client.auth.credentials.map((credential) => [
        credential.scheme,
        { option: credentialOption(names, credential), env: credential.env },
      ]),
    ),
  };
}

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
    writeFileSync(join(out, name, "names.json"), JSON.stringify(pythonNamesOf(plan), null, 2));
    console.log(`${name}\t${plan.sdk.packageName}`);
  } catch (error) {
    failed++;
    const detail = error instanceof SpecError ? error.problems.map(formatProblem).join("\n") : String(error);
    console.error(`✗ ${name}: ${detail}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
