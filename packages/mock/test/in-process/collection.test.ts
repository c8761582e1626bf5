import { describe, expect, it } from "vitest";
import { Collection } from "../../src/store/collection";
import { paginate } from "../../src/store/cursor";

interface Item {
  id: string;
  at: string;
  name: string;
}

const make = () =>
  new Collection<Item>("item", "item_id", {
    sortKey: (item) => item.at,
    indexes: { name: (item) => item.name },
  });

describe("Collection keeps list order and lookups current on every write", () => {
  it("orders newest first by (key, id) through puts, re-keying updates and deletes", () => {
    const items = make();
    for (const [id, at] of [
      ["a", "3"],
      ["b", "1"],
      ["c", "2"],
      ["d", "2"],
    ] as const)
      items.put({ id, at, name: id });
    expect(items.sorted().map((item) => item.id)).toEqual(["a", "d", "c", "b"]);
    items.put({ id: "b", at: "9", name: "b" });
    items.delete("d");
    expect(items.sorted().map((item) => item.id)).toEqual(["b", "a", "c"]);
    expect([...items.after(["3", "a"])].map((item) => item.id)).toEqual(["c"]);
  });

  it("finds records by an index, following renames and deletes", () => {
    const items = make();
    items.put({ id: "a", at: "1", name: "Support" });
    items.put({ id: "a", at: "1", name: "Sales" });
    expect(items.findBy("name", "Support")).toEqual([]);
    expect(items.findBy("name", "Sales").map((item) => item.id)).toEqual(["a"]);
    items.delete("a");
    expect(items.findBy("name", "Sales")).toEqual([]);
  });

  it("pages through 10 000 records with a filter, each exactly once, reading only what a page needs", () => {
    const items = make();
    for (let index = 0; index < 10_000; index++) {
      items.put({
        id: `i${String(index).padStart(5, "0")}`,
        at: String(index % 97).padStart(3, "0"),
        name: `${index % 3}`,
      });
    }
    const seen: string[] = [];
    let reads = 0;
    let cursor: string | undefined;
    do {
      const page = paginate({
        list: "items",
        records: items,
        limit: 100,
        cursor,
        filters: { name: "1" },
        matches: (item, filters) => {
          reads++;
          return item.name === filters.name;
        },
      });
      seen.push(...page.data.map((item) => item.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(3_333);
    expect(new Set(seen).size).toBe(3_333);
    expect(reads).toBeLessThan(10_100); // each record read about once over the whole walk, not once per page
  });
});
