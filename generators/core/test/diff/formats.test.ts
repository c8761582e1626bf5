import { describe } from "vitest";
import { type Doc, fixture, node, type Rule, ruleTable } from "./helpers";

const item = (doc: Doc) => node(doc, "components", "schemas", "Item", "properties");
const create = (doc: Doc) => node(doc, "components", "schemas", "CreateItemRequest", "properties");
const listParam = (doc: Doc, index: number) => node(doc, "paths", "/items", "get", "parameters")[index];

/**
 * A `format` added, removed or changed on a scalar: each language judged by the types its printer gives the
 * scalar before and after (the detail), on the side the value travels.
 */
const RULES: Rule[] = [
  {
    rule: "a response field gains date-time: only Python's type changes (str → datetime, parsed by pydantic)",
    edit: (doc) => (item(doc).note.format = "date-time"),
    change: /^models\/Item\/properties\/note: field note: format string → string\(date-time\)$/,
    alone: true,
    levels: { typescript: "none", python: "breaking", php: "none", ruby: "none" },
    detail: {
      typescript: "string (unchanged)",
      python: "str → datetime",
      php: "string (unchanged)",
      ruby: "String (unchanged)",
    },
  },
  {
    rule: "a response field loses date-time: Python's datetime becomes str",
    given: (doc) => (item(doc).note.format = "date-time"),
    edit: (doc) => delete item(doc).note.format,
    change: /^models\/Item\/properties\/note: field note: format string\(date-time\) → string$/,
    alone: true,
    levels: { typescript: "none", python: "breaking", php: "none", ruby: "none" },
  },
  {
    rule: "a response field date → date-time: Python's date becomes datetime",
    given: (doc) => (item(doc).note.format = "date"),
    edit: (doc) => (item(doc).note.format = "date-time"),
    change: /^models\/Item\/properties\/note: field note: format string\(date\) → string\(date-time\)$/,
    levels: { typescript: "none", python: "breaking", php: "none", ruby: "none" },
  },
  {
    rule: "a response array's items gain date-time: list[str] → list[datetime] in Python",
    given: (doc) => (item(doc).tags = { type: "array", items: { type: "string" } }),
    edit: (doc) => (item(doc).tags.items.format = "date-time"),
    change: /^models\/Item\/properties\/tags: field tags: items string → string\(date-time\)$/,
    alone: true,
    levels: { typescript: "none", python: "breaking", php: "none", ruby: "none" },
  },
  {
    rule: "a param gains date-time: TS, Python and PHP now also take a date object (additive)",
    edit: (doc) => (listParam(doc, 1).schema.format = "date-time"),
    change: /^methods\/items\.list\/params\/cursor: param cursor: format string → string\(date-time\)$/,
    alone: true,
    levels: { typescript: "additive", python: "additive", php: "additive", ruby: "none" },
    detail: {
      typescript: "string → string | Date",
      python: "str → str | datetime",
      php: "string → string | \\DateTimeInterface",
      ruby: "String (unchanged)",
    },
  },
  {
    rule: "a param loses date-time: a Date no longer type-checks in TS and Python; PHP's runtime still sends it",
    given: (doc) => (listParam(doc, 1).schema.format = "date-time"),
    edit: (doc) => delete listParam(doc, 1).schema.format,
    change: /^methods\/items\.list\/params\/cursor: param cursor: format string\(date-time\) → string$/,
    alone: true,
    levels: { typescript: "breaking", python: "breaking", php: "none", ruby: "none" },
  },
  {
    rule: "a param date → date-time: Python's date no longer type-checks (TS takes string | Date either way)",
    given: (doc) => (listParam(doc, 1).schema.format = "date"),
    edit: (doc) => (listParam(doc, 1).schema.format = "date-time"),
    change:
      /^methods\/items\.list\/params\/cursor: param cursor: format string\(date\) → string\(date-time\)$/,
    levels: { typescript: "none", python: "breaking", php: "none", ruby: "none" },
    detail: {
      typescript: "string | Date (unchanged)",
      python: "str | date → str | datetime",
      php: "string | \\DateTimeInterface (unchanged)",
      ruby: "String (unchanged)",
    },
  },
  {
    rule: "a body param gains binary: TS (Uploadable) and Python (FileContent) no longer take a string",
    edit: (doc) => (create(doc).name.format = "binary"),
    change: /^methods\/items\.create\/params\/name: param name: format string → string\(binary\)$/,
    alone: true,
    levels: { typescript: "breaking", python: "breaking", php: "none", ruby: "none" },
    detail: {
      typescript: "string → Uploadable",
      python: "str → FileContent",
      php: "string (unchanged)",
      ruby: "String (unchanged)",
    },
  },
  {
    rule: "a response field gains binary: every language still returns a string",
    edit: (doc) => (item(doc).note.format = "binary"),
    change: /^models\/Item\/properties\/note: field note: format string → string\(binary\)$/,
    alone: true,
    levels: "none",
  },
  {
    rule: "a path param gains uuid: no language prints it",
    edit: (doc) => (node(doc, "paths", "/items/{item_id}", "get", "parameters")[0].schema.format = "uuid"),
    change: /^methods\/items\.get\/params\/item_id: param item_id: format string → string\(uuid\)$/,
    alone: true,
    levels: "none",
  },
  {
    rule: "a body param gains email: no language prints it",
    edit: (doc) => (create(doc).name.format = "email"),
    change: /^methods\/items\.create\/params\/name: param name: format string → string\(email\)$/,
    alone: true,
    levels: "none",
  },
  {
    rule: "an integer gains int64: still number / int / Integer in every language (no bigint)",
    edit: (doc) => (item(doc).price.format = "int64"),
    change: /^models\/Item\/properties\/price: field price: format integer → integer\(int64\)$/,
    alone: true,
    levels: "none",
    detail: {
      typescript: "number (unchanged)",
      python: "int (unchanged)",
      php: "int (unchanged)",
      ruby: "Integer (unchanged)",
    },
  },
  {
    rule: "a query integer int32 → int64: none",
    given: (doc) => (listParam(doc, 0).schema.format = "int32"),
    edit: (doc) => (listParam(doc, 0).schema.format = "int64"),
    change: /^methods\/items\.list\/params\/limit: param limit: format integer\(int32\) → integer\(int64\)$/,
    alone: true,
    levels: "none",
  },
  {
    rule: "a named string sent and received gains date-time: judged on both sides, the worse side wins",
    given: (doc) => {
      node(doc, "components", "schemas").Stamp = { type: "string", description: "A point in time." };
      listParam(doc, 1).schema = { $ref: "#/components/schemas/Stamp" };
      item(doc).stamp = { $ref: "#/components/schemas/Stamp" };
    },
    edit: (doc) => (node(doc, "components", "schemas", "Stamp").format = "date-time"),
    change: /^models\/Stamp: type Stamp: format string → string\(date-time\)$/,
    alone: true,
    levels: { typescript: "additive", python: "breaking", php: "additive", ruby: "none" },
    detail: {
      typescript: "input: string → string | Date; output: string (unchanged)",
      python: "input: str → str | datetime; output: str → datetime",
      php: "input: string → string | \\DateTimeInterface; output: string (unchanged)",
      ruby: "input: String (unchanged); output: String (unchanged)",
    },
  },
  {
    rule: "a union's string member gains date-time: compared as a type, so Python's member becomes datetime",
    given: (doc) => {
      node(doc, "components", "schemas").When = { oneOf: [{ type: "string" }, { type: "integer" }] };
      item(doc).when = { $ref: "#/components/schemas/When" };
    },
    edit: (doc) => (node(doc, "components", "schemas", "When").oneOf[0].format = "date-time"),
    change: /^models\/When: union member string: format string → string\(date-time\)$/,
    alone: true,
    levels: { typescript: "none", python: "breaking", php: "none", ruby: "none" },
  },
];

describe("diff: format-only type changes, classified by each language's printed type", () => {
  ruleTable(fixture("shop.yaml"), RULES);
});
