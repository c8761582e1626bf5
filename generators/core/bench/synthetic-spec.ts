const PREFIXES = [
  "red",
  "blue",
  "green",
  "fast",
  "slow",
  "open",
  "closed",
  "daily",
  "weekly",
  "public",
  "private",
  "shared",
  "local",
  "remote",
  "custom",
];
const NOUNS = [
  "widget",
  "gadget",
  "record",
  "ticket",
  "invoice",
  "device",
  "channel",
  "report",
  "zone",
  "rule",
  "token",
  "policy",
  "route",
  "bucket",
  "queue",
  "domain",
  "member",
  "project",
  "event",
  "alert",
];
const ROUNDS = ["", "extra", "super", "mega"];

/**
 * A large OpenAPI 3.0 spec of our own making, shaped like the big public APIs the generator must handle:
 * `operations` operations over resources with list/create/get/update/delete each, Cloudflare-style `allOf`
 * envelopes (`success`/`errors`/`messages` beside `result` + `result_info` page numbers), nullable fields and
 * enums. Deterministic: the same count gives the same document.
 */
export function syntheticSpec(operations = 1500): Record<string, unknown> {
  const resources = Math.ceil(operations / 5);
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    Envelope: {
      type: "object",
      required: ["success", "errors", "messages"],
      properties: {
        success: { type: "boolean" },
        errors: { type: "array", items: { $ref: "#/components/schemas/Message" } },
        messages: { type: "array", items: { $ref: "#/components/schemas/Message" } },
      },
    },
    Message: {
      type: "object",
      properties: { code: { type: "integer" }, message: { type: "string" } },
    },
    ResultInfo: {
      type: "object",
      properties: {
        page: { type: "integer" },
        per_page: { type: "integer" },
        total_pages: { type: "integer" },
        total_count: { type: "integer" },
      },
    },
  };
  let count = 0;
  for (let index = 0; index < resources && count < operations; index++) {
    const prefix = PREFIXES[index % PREFIXES.length]!;
    const noun = NOUNS[Math.floor(index / PREFIXES.length) % NOUNS.length]!;
    const round = Math.floor(index / (PREFIXES.length * NOUNS.length));
    const words = [prefix, ...(round > 0 ? [ROUNDS[round % ROUNDS.length]!] : []), noun];
    const name = words.join("_");
    const model = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
    schemas[model] = {
      type: "object",
      required: ["id", "name"],
      properties: {
        id: { type: "string", readOnly: true },
        name: { type: "string", maxLength: 120 },
        status: { type: "string", enum: ["active", "paused", "deleted"] },
        tags: { type: "array", items: { type: "string" } },
        note: { type: "string", nullable: true },
        created_on: { type: "string", format: "date-time", readOnly: true },
        settings: { type: "object", additionalProperties: { type: "string" } },
      },
    };
    const envelope = (result: unknown, paged = false) => ({
      description: "ok",
      content: {
        "application/json": {
          schema: {
            allOf: [
              { $ref: "#/components/schemas/Envelope" },
              {
                type: "object",
                properties: {
                  result,
                  ...(paged ? { result_info: { $ref: "#/components/schemas/ResultInfo" } } : {}),
                },
              },
            ],
          },
        },
      },
    });
    const ref = { $ref: `#/components/schemas/${model}` };
    const body = { required: true, content: { "application/json": { schema: ref } } };
    const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
    const operationsOf: [string, string, Record<string, unknown>][] = [
      [
        `/accounts/{account_id}/${name}s`,
        "get",
        {
          operationId: `list${model}s`,
          parameters: [
            { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
            { name: "per_page", in: "query", schema: { type: "integer", maximum: 100 } },
          ],
          responses: { 200: envelope({ type: "array", items: ref }, true) },
        },
      ],
      [
        `/accounts/{account_id}/${name}s`,
        "post",
        { operationId: `create${model}`, requestBody: body, responses: { 200: envelope(ref) } },
      ],
      [
        `/accounts/{account_id}/${name}s/{id}`,
        "get",
        { operationId: `get${model}`, parameters: [idParam], responses: { 200: envelope(ref) } },
      ],
      [
        `/accounts/{account_id}/${name}s/{id}`,
        "patch",
        {
          operationId: `update${model}`,
          parameters: [idParam],
          requestBody: body,
          responses: { 200: envelope(ref) },
        },
      ],
      [
        `/accounts/{account_id}/${name}s/{id}`,
        "delete",
        {
          operationId: `delete${model}`,
          parameters: [idParam],
          responses: { 200: envelope({ type: "object" }) },
        },
      ],
    ];
    for (const [path, method, operation] of operationsOf) {
      if (count++ >= operations) break;
      const accountId = { name: "account_id", in: "path", required: true, schema: { type: "string" } };
      const item = (paths[path] as Record<string, unknown> | undefined) ?? { parameters: [accountId] };
      item[method] = { tags: [model], ...operation };
      paths[path] = item;
    }
  }
  return {
    openapi: "3.0.3",
    info: { title: "Synthetic Widgets API", version: "1" },
    servers: [{ url: "https://api.example.com/client/v4" }],
    security: [{ api_email: [], api_key: [] }, { api_token: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        api_email: { type: "apiKey", in: "header", name: "X-Auth-Email" },
        api_key: { type: "apiKey", in: "header", name: "X-Auth-Key" },
        api_token: { type: "http", scheme: "bearer" },
      },
    },
  };
}
