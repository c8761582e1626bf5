import { describe, expect, it } from "vitest";
import { collectRefs, resolvePointer } from "../src/index";
import { doc } from "./support/spec";

/** Read by the SDK generators (webhook helpers' return type), not referenced inside the document. */
const ENTRY_POINTS = new Set(["#/components/schemas/WebhookEvent"]);

/** `x-embott-streaming.events` of each operation: the schema of a stream's events, named by the extension. */
function streamEvents(): string[] {
  return Object.values(doc.paths).flatMap((item) =>
    Object.values(item as Record<string, unknown>).flatMap((operation) => {
      const events = (operation as { "x-embott-streaming"?: { events?: unknown } })?.["x-embott-streaming"]
        ?.events;
      return typeof events === "string" ? [events] : [];
    }),
  );
}

/** Refs reachable from the paths, the webhooks and the entry points, following refs transitively. */
function reachableRefs(): Set<string> {
  const reached = new Set<string>();
  const queue = [...collectRefs(doc.paths), ...collectRefs(doc.webhooks), ...ENTRY_POINTS, ...streamEvents()];
  for (let ref = queue.pop(); ref !== undefined; ref = queue.pop()) {
    if (reached.has(ref)) continue;
    reached.add(ref);
    queue.push(...collectRefs(resolvePointer(doc, ref)));
  }
  return reached;
}

describe("components", () => {
  // Replaces Redocly's no-unused-components, which redocly.yaml turns off because of WebhookEvent.
  it("are all used by an operation, a webhook or an SDK entry point", () => {
    const reached = reachableRefs();
    // Security schemes are used by name in `security`, not by ref; security.test.ts covers them.
    const declared = Object.entries(doc.components)
      .filter(([kind]) => kind !== "securitySchemes")
      .flatMap(([kind, entries]) => Object.keys(entries).map((name) => `#/components/${kind}/${name}`));
    expect(declared.filter((ref) => !reached.has(ref))).toEqual([]);
  });

  it("only use refs that resolve", () => {
    const unresolved = [...collectRefs(doc)].filter((ref) => {
      try {
        resolvePointer(doc, ref);
        return false;
      } catch {
        return true;
      }
    });
    expect(unresolved).toEqual([]);
  });

  it("name every schema in PascalCase and give it a description", () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(typeof schema.description, name).toBe("string");
    }
  });
});
