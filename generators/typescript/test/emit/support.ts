import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildIR, buildPlan, type IR, loadSpec, type SdkPlan } from "@embott/codegen-core";
import { emitTypeScript } from "../../src/emit/emitter";
import { typescriptNaming } from "../../src/naming";

export const FEATURES_SPEC = new URL("./fixtures/features.yaml", import.meta.url).pathname;

/** Loads a spec and runs the TypeScript emitter on it, returning the files by path and the scaffold paths. */
export async function emitSpec(
  specPath: string,
  outDir = "/nonexistent",
): Promise<{ ir: IR; plan: SdkPlan; files: Map<string, string>; scaffold: Set<string> }> {
  const spec = await loadSpec(specPath);
  const ir = buildIR(spec);
  const plan = buildPlan(ir, { document: spec.document });
  const files = await emitTypeScript(
    plan,
    { specFile: "spec.yaml", outDir, generatorVersion: "test", document: spec.document },
    typescriptNaming,
  );
  return {
    ir,
    plan,
    files: new Map(files.map((file) => [file.path, file.contents])),
    scaffold: new Set(files.filter((file) => file.scaffold).map((file) => file.path)),
  };
}

/** The file's contents, failing the test when it was not emitted. */
export function fileOf(files: Map<string, string>, path: string): string {
  const contents = files.get(path);
  if (contents === undefined) throw new Error(`${path} was not emitted; got ${[...files.keys()].join(", ")}`);
  return contents;
}

/** Emits a tiny in-memory spec (JSON-serialisable document) written to a temp file. */
export function emitDocument(document: Record<string, unknown>, outDir?: string) {
  const path = join(mkdtempSync(join(tmpdir(), "embott-ts-emit-")), "spec.json");
  writeFileSync(path, JSON.stringify(document));
  return emitSpec(path, outDir);
}

/** A minimal 3.1 document around `paths`, with extra root fields. */
export const tinySpec = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: "3.1.0",
  info: { title: "Tiny API", version: "1.0.0" },
  paths,
  ...extra,
});

/** `{ description, content: { <mediaType>: { schema } } }`. */
export const response = (schema: unknown, mediaType = "application/json") => ({
  description: "ok",
  content: { [mediaType]: { schema } },
});
