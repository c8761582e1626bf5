import { buildIR, type IR, loadSpec } from "@embott/codegen-core";
import { emitTypeScript } from "../../src/emit/emitter";
import { typescriptNaming } from "../../src/naming";

export const FEATURES_SPEC = new URL("./fixtures/features.yaml", import.meta.url).pathname;

/** Loads a spec and runs the TypeScript emitter on it, returning the files by path. */
export async function emitSpec(
  specPath: string,
  outDir = "/nonexistent",
): Promise<{ ir: IR; files: Map<string, string> }> {
  const ir = buildIR(await loadSpec(specPath));
  const files = await emitTypeScript(
    ir,
    { specFile: "spec.yaml", outDir, generatorVersion: "test" },
    typescriptNaming,
  );
  return { ir, files: new Map(files.map((file) => [file.path, file.contents])) };
}

/** The file's contents, failing the test when it was not emitted. */
export function fileOf(files: Map<string, string>, path: string): string {
  const contents = files.get(path);
  if (contents === undefined) throw new Error(`${path} was not emitted; got ${[...files.keys()].join(", ")}`);
  return contents;
}
