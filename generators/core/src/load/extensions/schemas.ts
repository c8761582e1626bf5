import type { JsonSchema } from "./json-schema";

/** Field names: a letter, then letters, digits or `_`; dotted paths allowed where a response field is meant. */
const IDENTIFIER = "^[A-Za-z_][A-Za-z0-9_]*$";
const DOTTED_FIELD = "^[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*$";
const nonEmpty = (description: string): JsonSchema => ({ type: "string", minLength: 1, description });
const field = (description: string): JsonSchema => ({ type: "string", pattern: DOTTED_FIELD, description });

/** `x-embott-pagination` (operation). */
export const PAGINATION_SCHEMA: JsonSchema = {
  type: "object",
  required: ["style"],
  additionalProperties: false,
  properties: {
    style: { enum: ["cursor", "offset", "page", "link"], description: "paging style" },
    items: field("response field holding the page's items"),
    cursorParam: nonEmpty("cursor: query parameter carrying the cursor"),
    nextCursor: field("cursor: response field with the next cursor"),
    itemCursor: field("cursor: field of the page's last item that is the next cursor (Stripe's `id`)"),
    hasMore: field("cursor: boolean response field, false on the last page"),
    offsetParam: nonEmpty("offset: query parameter with the offset"),
    total: field("offset: response field with the total count"),
    pageParam: nonEmpty("page: query parameter with the page number"),
    totalPages: field("page: response field with the page count"),
    startPage: { type: "integer", minimum: 0, description: "page: number of the first page" },
    nextUrl: field("link: response field with the next page's URL"),
    limitParam: nonEmpty("page-size query parameter"),
  },
  allOf: [
    whenStyle("cursor", {
      required: ["cursorParam"],
      anyOf: [{ required: ["nextCursor"] }, { required: ["itemCursor"] }],
    }),
    whenStyle("offset", { required: ["offsetParam"] }),
    whenStyle("page", { required: ["pageParam"] }),
  ],
};

/** `if: { style: <style> } then: <rules>`: what one paging style requires. */
function whenStyle(style: string, rules: JsonSchema): JsonSchema {
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable
  return { if: { properties: { style: { const: style } } }, then: rules };
}

/** `x-embott-streaming` (operation). */
export const STREAMING_SCHEMA: JsonSchema = {
  type: "object",
  required: ["method"],
  additionalProperties: false,
  properties: {
    method: { type: "string", pattern: IDENTIFIER, description: "SDK name of the streaming twin" },
    flag: { type: "string", pattern: IDENTIFIER, description: "boolean body field that selects the stream" },
    events: { type: "string", pattern: "^#/", description: "internal $ref of the event schema" },
    discriminator: nonEmpty("field of each event naming its kind"),
    final: nonEmpty("event that ends the stream"),
  },
};

/** `x-embott-webhook-signature` (root). Only what every runtime implements is accepted. */
export const WEBHOOK_SIGNATURE_SCHEMA: JsonSchema = {
  type: "object",
  required: ["header"],
  additionalProperties: false,
  properties: {
    header: { type: "string", pattern: "^[A-Za-z0-9-]+$", description: "header carrying the signature" },
    scheme: { enum: ["timestamped", "plain"] },
    algorithm: { enum: ["hmac-sha256"] },
    encoding: { enum: ["hex", "base64"] },
    prefix: { type: "string" },
    tolerance: { type: "integer", minimum: 1, description: "seconds" },
  },
};

/** `x-embott-sdk` (root). */
export const SDK_SCHEMA: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    clientName: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$", description: "PascalCase client class" },
    packageName: { type: "string", pattern: "^(@[a-z0-9-]+/)?[a-z0-9][a-z0-9._-]*$" },
    apiKeyEnv: { type: "string", pattern: "^[A-Z][A-Z0-9_]*$" },
    baseUrlEnv: { type: "string", pattern: "^[A-Z][A-Z0-9_]*$" },
  },
};

/** `x-embott-resource` (operation): dotted for nesting. */
export const RESOURCE_SCHEMA: JsonSchema = {
  type: "string",
  pattern: "^[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)*$",
};

/** `x-embott-method` (operation). */
export const METHOD_SCHEMA: JsonSchema = { type: "string", pattern: IDENTIFIER };

/** Every extension, by where it may appear. */
export const ROOT_EXTENSIONS: Record<string, JsonSchema> = {
  "x-embott-sdk": SDK_SCHEMA,
  "x-embott-webhook-signature": WEBHOOK_SIGNATURE_SCHEMA,
};
export const OPERATION_EXTENSIONS: Record<string, JsonSchema> = {
  "x-embott-resource": RESOURCE_SCHEMA,
  "x-embott-method": METHOD_SCHEMA,
  "x-embott-pagination": PAGINATION_SCHEMA,
  "x-embott-streaming": STREAMING_SCHEMA,
};
