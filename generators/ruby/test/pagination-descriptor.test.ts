import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type EmittedGem, emitGem } from "./support/emit";

const REPO = join(import.meta.dirname, "..", "..", "..");

/** Every emitted service file's text, joined. */
function services(gem: EmittedGem): string {
  const dir = join(gem.dir, "lib");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.includes("services") && file.endsWith(".rb"))
    .map((file) => readFileSync(join(dir, file), "utf8"))
    .join("\n");
}

describe("the pager descriptor the emitter passes from the plan", async () => {
  const gem = await emitGem(join(REPO, "testdata", "repro", "pagination.yaml"));
  afterAll(() => gem.cleanup());
  const text = services(gem);

  it("passes itemCursor (Stripe: next cursor = the last item's id) as item_cursor, with has_more", () => {
    const call = /pagination: \{[^}]*cursor_param: "starting_after"[^}]*\}/.exec(text)?.[0] ?? "";
    expect(call).toContain('item_cursor: "id"');
    expect(call).toContain('has_more: "has_more"');
    expect(call).not.toContain("next_cursor:");
  });

  it("passes every descriptor field of every paged method, in snake_case", () => {
    const paged = gem.plan.resources
      .flatMap((resource) => resource.methods)
      .filter((method) => method.pagination);
    expect(paged.length).toBeGreaterThan(3);
    for (const method of paged) {
      for (const [field, value] of Object.entries(method.pagination?.descriptor ?? {})) {
        const key = field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
        expect(text).toContain(`${key}: ${JSON.stringify(value)}`);
      }
    }
  });
});
