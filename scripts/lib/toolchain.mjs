// Bootstrap helpers shared by `npm start`, `npm test` and `npm run setup`.
// They install what a fresh Debian/Ubuntu machine with only Node >= 20.19 lacks, or say exactly what is missing.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Runs a command in the repo root with inherited stdio; returns its exit code. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.error) {
    console.error(`✗ could not start ${cmd}: ${result.error.message}`);
    return 127;
  }
  return result.status ?? 1;
}

/** Major version printed by `cmd --version`, or 0 when it is missing. */
function majorVersion(cmd) {
  const result = spawnSync(cmd, ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return 0;
  return Number.parseInt(result.stdout.trim().split(".")[0] ?? "0", 10) || 0;
}

export function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(
      `Node ${process.versions.node} is too old: install Node >= 20.19 (https://nodejs.org) and run again.`,
    );
  }
}

/** pnpm 10 is the workspace's package manager; corepack is not relied upon. */
export function ensurePnpm() {
  const found = majorVersion("pnpm");
  if (found >= 10) return;
  console.log(`• ${found ? `pnpm ${found} is too old` : "pnpm not found"}: installing pnpm@10 with npm`);
  if (run("npm", ["install", "-g", "pnpm@10"]) !== 0 || majorVersion("pnpm") < 10) {
    fail(
      "could not install pnpm. Run `npm install -g pnpm@10` (with sudo if your npm prefix needs it) and retry.",
    );
  }
}

/** Installs the workspace's node modules when they are missing or older than the lockfile. */
export function ensureNodeModules() {
  const marker = join(ROOT, "node_modules", ".modules.yaml");
  const lock = join(ROOT, "pnpm-lock.yaml");
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  console.log("• installing workspace dependencies (pnpm install --frozen-lockfile)");
  if (run("pnpm", ["install", "--frozen-lockfile"]) !== 0) fail("pnpm install failed (see above).");
}

export function bootstrap() {
  checkNode();
  ensurePnpm();
  ensureNodeModules();
}

/** True when `cmd` runs (exit 0) with the given arguments. */
export function commandWorks(cmd, args = ["--version"]) {
  const result = spawnSync(cmd, args, { stdio: "ignore" });
  return !result.error && result.status === 0;
}

let aptUpdated = false;

/**
 * Installs Debian packages with apt-get when `present()` says the tool is missing, naming what it installs;
 * stops the run with the exact command to type when it cannot (not root, no apt-get).
 * @param {string} what a human name ("PHP 8 with curl and mbstring")
 * @param {string[]} packages Debian package names
 * @param {() => boolean} present whether the toolchain is already usable
 */
export function ensureAptPackages(what, packages, present) {
  if (present()) return;
  const command = `apt-get install -y ${packages.join(" ")}`;
  if (!commandWorks("apt-get", ["--version"]) || process.getuid?.() !== 0) {
    fail(`${what} is missing. Install it with \`sudo apt-get update && sudo ${command}\` and run again.`);
  }
  console.log(`• ${what} is missing: installing ${packages.join(", ")} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    if (run("apt-get", ["update", "-qq"], { env }) !== 0) fail("apt-get update failed (see above).");
    aptUpdated = true;
  }
  if (run("apt-get", ["install", "-y", "-qq", ...packages], { env }) !== 0 || !present()) {
    fail(`could not install ${what}. Run \`${command}\` and retry.`);
  }
}
