// npm tarballs: `embott` (packed, installed in a clean folder, seed snippet run) and `@embott/mock` (packed, checked).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../lib/toolchain.mjs";
import { capture, checkContents, checkSeedOutput } from "./common.mjs";

async function pack(filter, dir) {
  // pnpm pack runs the package's prepack (a fresh tsup build), so stale dist files or typedoc output cannot ship.
  const out = await capture("pnpm", ["--filter", filter, "pack", "--pack-destination", dir]);
  const tarball = out
    .trim()
    .split("\n")
    .findLast((line) => line.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack printed no tarball for ${filter}:\n${out}`);
  return tarball.startsWith("/") ? tarball : join(dir, tarball.split("/").at(-1));
}

async function manifestVersion(tarball) {
  return JSON.parse(await capture("tar", ["-xOzf", tarball, "package/package.json"])).version;
}

const listing = async (tarball) =>
  (await capture("tar", ["-tzf", tarball]))
    .split("\n")
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ""));

export async function buildNpm(work, env) {
  const dir = join(work, "npm");
  mkdirSync(dir, { recursive: true });
  const artifacts = [];

  const sdk = await pack("embott", dir);
  const sdkProblems = checkContents("embott tarball", await listing(sdk), [
    /^LICENSE$/,
    /^README\.md$/,
    /^dist\/index\.js$/,
    /^dist\/index\.d\.ts$/,
  ]);
  const app = join(work, "npm-app");
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "package.json"), '{ "name": "seed-app", "private": true, "type": "module" }\n');
  await capture("npm", ["install", "--no-audit", "--no-fund", "--offline", "--no-package-lock", sdk], {
    cwd: app,
  });
  writeFileSync(join(app, "seed.mjs"), await capture("cat", [join(ROOT, "scripts/release/seeds/seed.mjs")]));
  const output = await capture(process.execPath, ["seed.mjs"], { cwd: app, env });
  sdkProblems.push(...checkSeedOutput("embott", output));
  artifacts.push({
    name: "npm embott",
    file: sdk,
    version: await manifestVersion(sdk),
    problems: sdkProblems,
    ran: true,
  });

  const mock = await pack("@embott/mock", dir);
  const mockProblems = checkContents("@embott/mock tarball", await listing(mock), [
    /^LICENSE$/,
    /^dist\/index\.js$/,
    /^dist\/openapi\.yaml$/,
  ]);
  artifacts.push({
    name: "npm @embott/mock",
    file: mock,
    version: await manifestVersion(mock),
    problems: mockProblems,
  });
  return artifacts;
}
