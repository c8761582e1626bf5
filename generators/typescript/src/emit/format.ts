import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { GeneratedFile } from "@embott/codegen-core";

const run = promisify(execFile);
const BIOME_BIN = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

/**
 * Biome's native binary for this platform: what its `bin/biome` wrapper would spawn, without the wrapper's own
 * Node start and its `ldd --version` probe. Falls back to the wrapper when the binary is not installed.
 */
function biomeCommand(): { file: string; args: string[] } {
  const report = process.platform === "linux" ? process.report?.getReport() : undefined;
  const glibc = (report as { header?: { glibcVersionRuntime?: string } } | undefined)?.header
    ?.glibcVersionRuntime;
  const libc = process.platform === "linux" && !glibc ? "-musl" : "";
  const binary = `@biomejs/cli-${process.platform}-${process.arch}${libc}/biome${process.platform === "win32" ? ".exe" : ""}`;
  try {
    return { file: createRequire(BIOME_BIN).resolve(binary), args: [] };
  } catch {
    return { file: process.execPath, args: [BIOME_BIN] };
  }
}

/** The repository's formatter settings (biome.json), so generated SDKs pass `biome check` unchanged. */
const FORMATTER_CONFIG = {
  files: { maxSize: 16 * 1024 * 1024 },
  formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 110 },
  javascript: { formatter: { quoteStyle: "double", trailingCommas: "all", semicolons: "always" } },
};

const FORMATTED = /\.(ts|md)$/;

/**
 * Formats every generated `.ts` and `.md` file with biome in one process (formatter plus import/export
 * sorting, no lint rules): our printer decides structure, biome decides line breaks. Runs in a private temp
 * directory; other files pass through untouched, and so do those `formatted` already holds (by path: the output
 * of an earlier call, biome formats each file on its own).
 */
export async function formatTypeScriptFiles(
  files: readonly GeneratedFile[],
  formatted: readonly GeneratedFile[] = [],
): Promise<GeneratedFile[]> {
  const done = new Map(formatted.map((file) => [file.path, file]));
  const dir = await mkdtemp(join(tmpdir(), "embott-format-"));
  try {
    await writeFile(join(dir, "biome.json"), JSON.stringify(FORMATTER_CONFIG));
    const sources = files.filter((file) => FORMATTED.test(file.path) && !done.has(file.path));
    await Promise.all(
      sources.map(async (file) => {
        await mkdir(dirname(join(dir, "src", file.path)), { recursive: true });
        await writeFile(join(dir, "src", file.path), file.contents);
      }),
    );
    const args = ["check", "--write", "--linter-enabled=false", "--config-path", dir, join(dir, "src")];
    const biome = biomeCommand();
    await run(biome.file, [...biome.args, ...args], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    return Promise.all(
      files.map(async (file) => {
        const earlier = done.get(file.path);
        if (earlier) return { ...file, contents: earlier.contents };
        return FORMATTED.test(file.path)
          ? { ...file, contents: await readFile(join(dir, "src", file.path), "utf8") }
          : file;
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
