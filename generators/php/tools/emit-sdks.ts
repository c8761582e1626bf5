// Emits the whole PHP SDK of each spec into OUT/<spec name>/ (src/ with the runtime), plus sdk.json: the root
// namespace, the client option of each security scheme and, per plan method id, the service path and method name
// that call it. For the repro runner (packages/php/tests/Repro), which builds clients from the plan's names.
// Usage: pnpm exec tsx generators/php/tools/emit-sdks.ts OUT_DIR SPEC...
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { buildIR, buildPlan, loadSpec, type ResourcePlan } from "@embott/codegen-core";
import { createPhpEmitter } from "../src/emit/emitter";
import { phpView } from "../src/emit/from-plan";
import type { PhpService } from "../src/emit/view";
import { phpNaming } from "../src/naming";

const [out, ...specs] = process.argv.slice(2);
if (!out || specs.length === 0) throw new Error("usage: emit-sdks.ts OUT_DIR SPEC...");
const emitter = createPhpEmitter(phpNaming);
for (const spec of specs) {
  const loaded = await loadSpec(spec);
  const plan = buildPlan(buildIR(loaded), { document: loaded.document });
  const folder = join(out, basename(spec).replace(/\.\w+$/, ""));
  const files = await emitter.emit(plan, {
    specFile: spec,
    outDir: folder,
    generatorVersion: "repro",
    document: loaded.document,
  });
  for (const file of files) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.contents);
  }
  const sdk = phpView(plan, phpNaming);
  const primary = plan.client.auth.primary;
  const options = Object.fromEntries([
    ...(primary ? [[primary, "api_key"]] : []),
    ...sdk.credentials.map((credential) => [credential.scheme, credential.option]),
  ]);
  const methods: Record<string, { path: string[]; name: string }> = {};
  const walk = (resources: readonly ResourcePlan[], services: readonly PhpService[], path: string[]) =>
    resources.forEach((resource, index) => {
      const service = services[index]!;
      const here = [...path, service.property];
      resource.methods.forEach((method, position) => {
        methods[method.id] = { path: here, name: service.methods[position]!.name };
      });
      walk(resource.children, service.children, here);
    });
  walk(plan.resources, sdk.services, []);
  const facts = { namespace: sdk.namespace, credentials: options, methods };
  await writeFile(join(folder, "sdk.json"), `${JSON.stringify(facts, null, 2)}\n`);
}
