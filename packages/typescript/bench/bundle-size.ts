import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  label: string;
  minified: number;
  gzip: number;
}

const SRC = new URL("../src/", import.meta.url).pathname;

/** Bundles an entry like an app's bundler would (ESM, minified, browser-neutral) and measures min and min+gzip. */
async function measureEntry(label: string, entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [`${SRC}${entry}`],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    treeShaking: true,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { label, minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** The whole SDK (client, every resource, runtime) and the hand-written runtime core alone. */
export function benchmarkBundleSizes(): Promise<BundleSize[]> {
  return Promise.all([
    measureEntry("whole SDK (src/index.ts)", "index.ts"),
    measureEntry("runtime core (src/core/index.ts)", "core/index.ts"),
  ]);
}
