import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { defineConfig, type Options } from "tsup";

/** The language packages; each is bundled into its own `dist/index.js`, which the emit worker imports. */
const LANGUAGES = ["typescript", "python", "php", "ruby"];

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * Keeps `import.meta.url` meaning the source file it is written in, so an emitter finds its runtime sources
 * (`new URL("../../runtime/src", import.meta.url)`) and resolves packages from the same place once bundled.
 */
const sourceUrls: Plugin = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

const node: Options = { format: "esm", platform: "node", target: "node20", bundle: true, sourcemap: false };

// The CLI runs from this build (bin/embott-codegen.mjs), not through tsx: core is bundled in; the language
// packages stay external and are imported only by `generate` (see src/targets.ts). Each language package is
// also bundled (with the parts of core it uses; npm packages stay external, resolved from the package's own
// node_modules) for the emit worker, so a worker loads plain JavaScript instead of compiling TypeScript.
export default defineConfig([
  {
    ...node,
    entry: { main: "src/main.ts" },
    outDir: "dist",
    splitting: true,
    clean: true,
    // Redocly (ESM, ~270 modules with its CommonJS dependencies) is bundled in too: one file to load instead of
    // hundreds to resolve and read, on the path of every command that reads a spec. `require` serves the
    // CommonJS parts' own requires (Node's built-ins).
    noExternal: ["@embott/codegen-core", "@redocly/openapi-core"],
    external: [/^@embott\/codegen-(typescript|python|php|ruby)$/, "tsx", "tsx/esm/api"],
    banner: {
      js: 'import { createRequire as __cliCreateRequire } from "node:module"; const require = __cliCreateRequire(import.meta.url);',
    },
  },
  ...LANGUAGES.map(
    (language): Options => ({
      ...node,
      entry: { index: `../${language}/src/index.ts` },
      outDir: `../${language}/dist`,
      clean: true,
      noExternal: [/^@embott\//],
      external: [/^(?!@embott\/)[^./]/],
      esbuildPlugins: [sourceUrls],
    }),
  ),
]);
