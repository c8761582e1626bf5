import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Names of installed packages whose package.json has an install-time script. */
function packagesWithInstallScripts(): Set<string> {
  const store = join(ROOT, "node_modules", ".pnpm");
  const found = new Set<string>();
  for (const entry of readdirSync(store)) {
    const modules = join(store, entry, "node_modules");
    if (!existsSync(modules)) continue;
    for (const name of readdirSync(modules)) {
      const names = name.startsWith("@")
        ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`)
        : [name];
      for (const full of names) {
        const manifest = join(modules, full, "package.json");
        if (!existsSync(manifest)) continue;
        const scripts = (JSON.parse(readFileSync(manifest, "utf8")) as { scripts?: Record<string, string> })
          .scripts;
        if (scripts && (scripts.preinstall || scripts.install || scripts.postinstall)) found.add(full);
      }
    }
  }
  return found;
}

/** The items of a top-level YAML list `key:` followed by `  - item` lines. */
function listIn(yaml: string, key: string): string[] {
  const block = new RegExp(`^${key}:\\n((?:[ \\t]+- .*\\n?)+)`, "m").exec(yaml)?.[1] ?? "";
  return [...block.matchAll(/- ["']?([^"'\n]+)["']?/g)].map((match) => (match[1] ?? "").trim());
}

describe("pnpm build-script policy (no 'Ignored build scripts' box on install)", () => {
  it("decides every dependency that has an install script", () => {
    const workspace = readFileSync(join(ROOT, "pnpm-workspace.yaml"), "utf8");
    const decided = new Set([
      ...listIn(workspace, "onlyBuiltDependencies"),
      ...listIn(workspace, "ignoredBuiltDependencies"),
    ]);
    const undecided = [...packagesWithInstallScripts()].filter((name) => !decided.has(name));
    expect(undecided).toEqual([]);
  });
});
