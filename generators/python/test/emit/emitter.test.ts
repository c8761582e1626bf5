import { fileURLToPath } from "node:url";
import { buildIR, buildPlan, GENERATED_MARKER, loadSpec } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { emitPython } from "../../src/emit/emitter";
import { formatPython } from "../../src/emit/format";
import { Imports } from "../../src/emit/imports";
import { pythonNaming } from "../../src/naming";

async function emitOurs() {
  const spec = await loadSpec(fileURLToPath(new URL("../../../../spec/openapi.yaml", import.meta.url)));
  const plan = buildPlan(buildIR(spec), { document: spec.document });
  return emitPython(plan, { specFile: "spec/openapi.yaml" }, pythonNaming);
}

describe("python emitter", () => {
  it("emits one module per resource and per model group, every file with the generated header", async () => {
    const files = await emitOurs();
    const paths = files.map((file) => file.path);
    for (const resource of ["analytics", "bots", "conversations", "leads", "products", "webhooks"]) {
      expect(paths).toContain(`src/embott/resources/${resource}.py`);
    }
    expect(paths).toContain("src/embott/types/bot.py");
    expect(paths).toContain("src/embott/py.typed");
    for (const file of files) expect(file.contents.split("\n", 3).join("\n")).toContain(GENERATED_MARKER);
  });

  it("prints sync and async twins from one template, with the seed snippet's keyword arguments", async () => {
    const files = await emitOurs();
    const conversations =
      files.find((file) => file.path.endsWith("resources/conversations.py"))?.contents ?? "";
    expect(conversations).toContain(
      '    def send_message(\n        self,\n        conversation_id: str,\n        *,\n        role: Literal["user"],',
    );
    expect(conversations).toContain("    async def send_message(");
    expect(conversations).toContain(
      'body={"role": role, "content": content, "metadata": metadata, "stream": False}',
    );
    expect(conversations).toContain("    def stream_message(");
    expect(conversations).toContain("-> SyncStream[MessageStreamEvent]:");
    expect(conversations).toContain("-> AsyncStream[MessageStreamEvent]:");
  });

  it("passes a Stripe-style descriptor (next cursor = the last item's id) to the runtime pager", async () => {
    const spec = await loadSpec(
      fileURLToPath(new URL("../../../../testdata/repro/pagination.yaml", import.meta.url)),
    );
    const plan = buildPlan(buildIR(spec), { document: spec.document });
    const files = await emitPython(plan, { specFile: "testdata/repro/pagination.yaml" }, pythonNaming);
    const things = files.find((file) => file.path.endsWith("resources/things.py"))?.contents ?? "";
    const stripe = things.match(/_LIST_STRIPE_LIKE_PAGINATION = PaginationDescriptor\(\n([^)]*)\)/)?.[1];
    expect(stripe?.split("\n").map((line) => line.trim())).toEqual([
      'style="cursor",',
      'items="data",',
      'cursor_param="starting_after",',
      'item_cursor="id",',
      'has_more="has_more",',
      'limit_param="limit",',
      "",
    ]);
  });

  it("is deterministic", async () => {
    const [first, second] = [await emitOurs(), await emitOurs()];
    expect(second).toEqual(first);
  });
});

describe("formatPython", () => {
  it("explodes the last bracket group of a long line with trailing commas, but never makes a tuple subscript", () => {
    const long = `x: Optional[Union[${Array.from({ length: 12 }, (_, index) => `VeryLongModelName${index}`).join(", ")}]] = None`;
    const wrapped = formatPython(long);
    expect(wrapped.split("\n").every((line) => line.length <= 120)).toBe(true);
    expect(wrapped).not.toContain("]],");
    expect(wrapped).toContain("VeryLongModelName0,\n");
  });
});

describe("Imports", () => {
  it("orders sections and names like ruff's isort", () => {
    const imports = new Imports()
      .add(".types", "Bot")
      .add("typing", "cast")
      .add("typing", "Optional")
      .add("typing", "TYPE_CHECKING")
      .add("httpx", "Client")
      .add("__future__", "annotations")
      .add("..runtime", "NOT_GIVEN");
    expect(imports.print()).toBe(
      "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING, Optional, cast\n\nfrom httpx import Client\n\nfrom ..runtime import NOT_GIVEN\nfrom .types import Bot",
    );
  });
});
