import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusSpecs } from "../../../../testdata/corpus";
import { buildIR, type IR, loadSpec } from "../../src/index";
import { formatInspectLine } from "../helpers/summary";

const REPO_ROOT = resolve(import.meta.dirname, "../../../..");
const OWN_SPEC = join(REPO_ROOT, "spec/openapi.yaml");
/** Above this size a spec gets a compact summary snapshot instead of the full IR JSON. */
const FULL_SNAPSHOT_LIMIT = 100_000;

const corpusFiles = corpusSpecs();

describe("golden IR snapshots", () => {
  // Large specs take seconds to validate on a loaded 2-core machine; a timeout is not what this test checks.
  it.each(corpusFiles.map((path) => [basename(path), path]))(
    "corpus %s",
    async (file, path) => {
      const ir = buildIR(await loadSpec(path));
      await expectSnapshot(ir, file, statSync(path).size);
    },
    60_000,
  );

  it.runIf(existsSync(OWN_SPEC))("spec/openapi.yaml", async () => {
    const ir = buildIR(await loadSpec(OWN_SPEC));
    await expectSnapshot(ir, "embott-openapi.yaml", 0);
  });
});

async function expectSnapshot(ir: IR, name: string, size: number): Promise<void> {
  // File path and byte hash vary with checkout and formatting; the IR content is what the snapshot guards.
  const stable = { ...ir, source: { ...ir.source, file: name, sha256: "<sha256>" } };
  const json = JSON.stringify(stable, null, 2);
  if (size <= FULL_SNAPSHOT_LIMIT) {
    await expect(`${json}\n`).toMatchFileSnapshot(`../__snapshots__/${name}.ir.json`);
    return;
  }
  const operations = ir.resources.flatMap((resource) => resource.operations).map(formatInspectLine);
  const summary = [
    `# compact IR summary of ${name} (full IR sha256 ${createHash("sha256").update(json).digest("hex")})`,
    `resources ${ir.resources.length}, operations ${operations.length}, models ${ir.models.length}, webhooks ${ir.webhooks.length}`,
    ...operations,
  ].join("\n");
  await expect(`${summary}\n`).toMatchFileSnapshot(`../__snapshots__/${name}.summary.txt`);
}
