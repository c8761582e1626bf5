import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bumpFor, covers, pendingBump, readReleaseGroup } from "../../src/index";
import { tempDir } from "../helpers/temp";

describe("changesets", () => {
  it.each([
    ["breaking", "1.4.0", "major"],
    ["additive", "1.4.0", "minor"],
    ["none", "1.4.0", "patch"],
    ["breaking", "0.3.1", "minor"],
    ["additive", "0.3.1", "patch"],
    ["none", "0.3.1", "patch"],
  ] as const)("%s at %s → %s", (level, version, bump) => {
    expect(bumpFor(level, version)).toBe(bump);
  });

  it("reads the fixed group holding the SDK and the largest bump pending changesets declare for it", () => {
    const root = tempDir();
    mkdirSync(join(root, ".changeset"));
    mkdirSync(join(root, "packages", "sdk"), { recursive: true });
    writeFileSync(
      join(root, ".changeset", "config.json"),
      JSON.stringify({ fixed: [["other"], ["embott", "@embott/mock"]] }),
    );
    writeFileSync(
      join(root, "packages", "sdk", "package.json"),
      JSON.stringify({ name: "embott", version: "1.2.0" }),
    );
    const group = readReleaseGroup(root, "embott");
    expect(group).toEqual({ packages: ["embott", "@embott/mock"], version: "1.2.0" });
    expect(pendingBump(root, group)).toBeUndefined();
    writeFileSync(join(root, ".changeset", "README.md"), "---\nembott: major\n---\n");
    writeFileSync(join(root, ".changeset", "a.md"), '---\n"other": major\n"@embott/mock": patch\n---\n\nx\n');
    expect(pendingBump(root, group)).toBe("patch");
    writeFileSync(join(root, ".changeset", "b.md"), "---\nembott: minor\n---\n\ny\n");
    expect(pendingBump(root, group)).toBe("minor");
    expect(covers("minor", "major")).toBe(false);
    expect(covers("minor", "minor")).toBe(true);
    expect(() => readReleaseGroup(root, "missing")).toThrow(/no "fixed" group containing "missing"/);
  });
});
