import { describe, expect, it } from "vitest";
import {
  type Doc,
  diffDocuments,
  every,
  fixture,
  LANGUAGES,
  levelsByLanguage,
  node,
  type Rule,
  ruleTable,
} from "./helpers";

const itemSchema = (doc: Doc) => node(doc, "components", "schemas", "Item");
const listItems = (doc: Doc) => node(doc, "paths", "/items", "get");

/** One fixture edit per rule of the issue, each with the classification every language must get. */
const RULES: Rule[] = [
  // breaking
  {
    rule: "a method removed",
    edit: (doc) => delete node(doc, "paths", "/items/{item_id}").get,
    change: /^methods\/items\.get: method items\.get removed$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a resource removed",
    edit: (doc) => delete node(doc, "paths")["/reports/sales"],
    change: /^resources\/reports: resource reports removed \(1 method\)$/,
    levels: "breaking",
  },
  {
    rule: "a method renamed",
    edit: (doc) => (node(doc, "paths", "/items/{item_id}", "get").operationId = "fetchItem"),
    change: /^methods\/items\.fetch: method items\.get renamed to items\.fetch$/,
    levels: "breaking",
  },
  {
    rule: "a type renamed (same shape): its name breaks, its uses compare equal",
    edit: (doc) => {
      const text = JSON.stringify(doc).replaceAll(
        "#/components/schemas/ItemEvent",
        "#/components/schemas/ItemNotice",
      );
      Object.assign(doc, JSON.parse(text));
      const schemas = node(doc, "components", "schemas");
      schemas.ItemNotice = schemas.ItemEvent;
      delete schemas.ItemEvent;
    },
    change: /^models\/ItemNotice: type ItemEvent renamed to ItemNotice$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a param removed",
    edit: (doc) => listItems(doc).parameters.splice(0, 1),
    change: /^methods\/items\.list\/params\/limit: param limit removed$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a param renamed (every language's name changes)",
    edit: (doc) => (listItems(doc).parameters[0].name = "page_size"),
    change: /^methods\/items\.list\/params\/page_size: param limit renamed to page_size$/,
    levels: "breaking",
  },
  {
    rule: "a path param's wire name re-cased: only PHP, keyed by wire name, breaks",
    edit: (doc) => {
      const path = node(doc, "paths");
      path["/items/{itemId}"] = path["/items/{item_id}"];
      delete path["/items/{item_id}"];
      path["/items/{itemId}"].get.parameters[0].name = "itemId";
    },
    change: /^methods\/items\.get\/params\/itemId: param item_id renamed to itemId$/,
    levels: { typescript: "none", python: "none", php: "breaking", ruby: "none" },
  },
  {
    rule: "a response field's wire name re-cased: only TS (wire-named response types) breaks",
    edit: (doc) => {
      const properties = itemSchema(doc).properties;
      properties.Price = properties.price;
      delete properties.price;
      itemSchema(doc).required = ["id", "name", "Price", "status"];
    },
    change: /^models\/Item\/properties\/Price: field price renamed to Price$/,
    levels: { typescript: "breaking", python: "none", php: "none", ruby: "none" },
  },
  {
    rule: "a param becoming required",
    edit: (doc) => (listItems(doc).parameters[0].required = true),
    change: /^methods\/items\.list\/params\/limit: param limit: now required$/,
    levels: "breaking",
  },
  {
    rule: "a new required param",
    edit: (doc) =>
      listItems(doc).parameters.push({
        name: "shop",
        in: "query",
        required: true,
        schema: { type: "string" },
      }),
    change: /^methods\/items\.list\/params\/shop: required param shop added$/,
    levels: "breaking",
  },
  {
    rule: "an enum value removed",
    edit: (doc) => (node(doc, "components", "schemas", "ItemStatus").enum = ["active"]),
    change: /^models\/ItemStatus\/values\/archived: enum value "archived" removed$/,
    levels: "breaking",
  },
  {
    rule: "a param's type changed string → integer",
    edit: (doc) => (listItems(doc).parameters[1].schema = { type: "integer" }),
    change: /^methods\/items\.list\/params\/cursor: param cursor: type string → integer$/,
    levels: "breaking",
  },
  {
    rule: "nullable → non-null on input",
    edit: (doc) =>
      (node(doc, "components", "schemas", "CreateItemRequest", "properties").note = { type: "string" }),
    change: /^methods\/items\.create\/params\/note: param note: no longer nullable$/,
    levels: "breaking",
  },
  {
    rule: "a required response field becoming optional (a compile error only with static types)",
    edit: (doc) => (itemSchema(doc).required = ["id", "price", "status"]),
    change: /^models\/Item\/properties\/name: field name: now optional$/,
    levels: { typescript: "breaking", python: "breaking", php: "none", ruby: "none" },
  },
  {
    rule: "a required response field becoming nullable",
    edit: (doc) => (itemSchema(doc).properties.price = { type: ["integer", "null"] }),
    change: /^models\/Item\/properties\/price: field price: may now be null$/,
    levels: { typescript: "breaking", python: "breaking", php: "none", ruby: "none" },
  },
  {
    rule: "a response field removed",
    edit: (doc) => delete itemSchema(doc).properties.note,
    change: /^models\/Item\/properties\/note: field note removed$/,
    levels: "breaking",
  },
  {
    rule: "a response field renamed",
    edit: (doc) => {
      const properties = itemSchema(doc).properties;
      properties.title = properties.name;
      delete properties.name;
      itemSchema(doc).required = ["id", "title", "price", "status"];
    },
    change: /^models\/Item\/properties\/title: field name renamed to title$/,
    levels: "breaking",
  },
  {
    rule: "pagination removed: the method returns a value instead of a page iterator",
    edit: (doc) => {
      const list = listItems(doc);
      delete list["x-embott-pagination"];
      list.parameters = list.parameters.filter((parameter: { name: string }) => parameter.name !== "cursor");
      delete node(doc, "components", "schemas", "ItemPage", "properties").next_cursor;
    },
    change: /^methods\/items\.list: now returns a value instead of a page iterator$/,
    levels: "breaking",
  },
  {
    rule: "a stream's event type changed",
    edit: (doc) => {
      const describe = node(doc, "paths", "/items/{item_id}/describe", "post");
      describe["x-embott-streaming"].events = "#/components/schemas/Description";
      describe.responses["200"].content["text/event-stream"].schema = {
        $ref: "#/components/schemas/Description",
      };
    },
    change: /^methods\/items\.streamDescription: return: type description_event → description$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a webhook event removed",
    edit: (doc) => delete node(doc, "webhooks")["item.created"],
    change: /^webhooks\/item\.created: webhook event item\.created removed$/,
    levels: "breaking",
  },
  {
    rule: "a webhook payload field removed",
    edit: (doc) => {
      const event = node(doc, "components", "schemas", "ItemEvent");
      delete event.properties.item;
      event.required = ["type"];
    },
    change: /^models\/ItemEvent\/properties\/item: field item removed$/,
    levels: "breaking",
  },
  {
    rule: "an auth change (bearer → API key header)",
    edit: (doc) =>
      (node(doc, "components", "securitySchemes").bearerAuth = {
        type: "apiKey",
        in: "header",
        name: "X-Key",
      }),
    change: /^auth\/bearerAuth: auth bearerAuth: bearer → apiKey in header X-Key$/,
    levels: "breaking",
  },
  {
    rule: "a method's auth scheme changed",
    edit: (doc) => {
      node(doc, "components", "securitySchemes").keyAuth = { type: "apiKey", in: "header", name: "X-Key" };
      node(doc, "paths", "/reports/sales", "get").security = [{ keyAuth: [] }];
    },
    change: /^methods\/reports\.getSalesReport: auth bearerAuth → keyAuth$/,
    levels: "breaking",
  },
  // additive
  {
    rule: "a new method",
    edit: (doc) =>
      (node(doc, "paths", "/items/{item_id}").delete = {
        operationId: "deleteItem",
        tags: ["items"],
        parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "204": { description: "Deleted" } },
      }),
    change: /^methods\/items\.delete: method items\.delete added$/,
    levels: "additive",
  },
  {
    rule: "a new resource",
    edit: (doc) =>
      (node(doc, "paths")["/reports/stock"] = {
        get: { operationId: "getStock", tags: ["stock"], responses: { "200": { description: "ok" } } },
      }),
    change: /^resources\/stock: resource stock added \(1 method\)$/,
    levels: "additive",
  },
  {
    rule: "a new optional param",
    edit: (doc) => listItems(doc).parameters.push({ name: "q", in: "query", schema: { type: "string" } }),
    change: /^methods\/items\.list\/params\/q: optional param q added$/,
    levels: "additive",
  },
  {
    rule: "a new response field",
    edit: (doc) => (itemSchema(doc).properties.sku = { type: "string" }),
    change: /^models\/Item\/properties\/sku: optional field sku added$/,
    levels: "additive",
  },
  {
    rule: "a new enum value",
    edit: (doc) => node(doc, "components", "schemas", "ItemStatus").enum.push("draft"),
    change: /^models\/ItemStatus\/values\/draft: enum value "draft" added$/,
    alone: true,
    levels: "additive",
  },
  {
    rule: "a new webhook event",
    edit: (doc) =>
      (node(doc, "webhooks")["item.deleted"] = structuredClone(node(doc, "webhooks", "item.created"))),
    change: /^webhooks\/item\.deleted: webhook event item\.deleted added$/,
    levels: "additive",
  },
  // none
  {
    rule: "a description changed",
    edit: (doc) => (itemSchema(doc).properties.id.description = "The item's id."),
    change: /^models\/Item\/properties\/id: field id: docs changed$/,
    levels: "none",
  },
  {
    rule: "a summary changed",
    edit: (doc) => (listItems(doc).summary = "List every item"),
    change: /^methods\/items\.list: method: docs changed$/,
    levels: "none",
  },
];

describe("diff: one fixture edit per rule, classified per language", () => {
  const base = fixture("shop.yaml");

  it("an identical spec has no change", () => {
    expect(diffDocuments(base, structuredClone(base)).changes).toEqual([]);
  });

  ruleTable(base, RULES);

  it("a method that needed no auth now requires it: breaking (and the reverse additive)", () => {
    const open = structuredClone(base);
    node(open, "paths", "/reports/sales", "get").security = [];
    const closing = diffDocuments(open, base).changes.find(
      (c) => c.path === "methods/reports.getSalesReport",
    );
    expect(closing?.reason).toBe("now requires auth (bearerAuth)");
    expect(closing?.levels).toEqual(every("breaking"));
    expect(levelsByLanguage(diffDocuments(base, open))).toEqual(every("additive"));
  });

  it("a sub-resource renamed: each language's accessor chain in the detail", () => {
    const nested = structuredClone(base);
    node(nested, "paths")["/items/{item_id}/variants"] = {
      get: {
        operationId: "listItemVariants",
        "x-embott-resource": "items.item_variants",
        "x-embott-method": "list",
        parameters: [{ name: "item_id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok" } },
      },
    };
    const renamed = structuredClone(nested);
    node(renamed, "paths", "/items/{item_id}/variants", "get")["x-embott-resource"] = "items.options";
    const change = diffDocuments(nested, renamed).changes.find(
      (c) => c.path === "methods/items.options.list",
    );
    expect(change?.reason).toBe("method items.itemVariants.list renamed to items.options.list");
    expect(change?.levels).toEqual(every("breaking"));
    expect(change?.detail).toEqual({
      typescript: "items.itemVariants.list → items.options.list",
      python: "items.item_variants.list → items.options.list",
      php: "items.itemVariants.list → items.options.list",
      ruby: "items.item_variants.list → items.options.list",
    });
  });

  it("path params reordered: only Python, which takes them positionally, breaks", () => {
    const withShops = (order: string[]) => {
      const doc = structuredClone(base);
      const item = node(doc, "paths", "/items/{item_id}");
      delete node(doc, "paths")["/items/{item_id}"];
      item.get.parameters = order.map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
      node(doc, "paths")["/shops/{shop_id}/items/{item_id}"] = item;
      return doc;
    };
    const report = diffDocuments(withShops(["shop_id", "item_id"]), withShops(["item_id", "shop_id"]));
    expect(report.changes.map((c) => `${c.path}: ${c.reason}`)).toEqual([
      "methods/items.get: path params reordered: (shop_id, item_id) → (item_id, shop_id)",
    ]);
    expect(report.changes[0]!.levels).toEqual({
      typescript: "none",
      python: "breaking",
      php: "none",
      ruby: "none",
    });
  });

  it("an example changed: no change to any SDK", () => {
    const head = structuredClone(base);
    node(head, "components", "schemas", "Item").examples = [
      { id: "it_1", name: "Mug", price: 5, status: "active" },
    ];
    expect(diffDocuments(base, head).changes).toEqual([]);
  });

  it("renames name each language's identifiers in the detail", () => {
    const head = structuredClone(base);
    listItems(head).parameters[0].name = "page_size";
    const change = diffDocuments(base, head).changes.find((candidate) =>
      candidate.path.endsWith("page_size"),
    );
    expect(change?.detail).toEqual({
      typescript: "limit → pageSize",
      python: "limit → page_size",
      php: "limit → page_size",
      ruby: "limit → page_size",
    });
    expect(LANGUAGES.map((language) => language.language)).toEqual(["typescript", "python", "php", "ruby"]);
  });
});
