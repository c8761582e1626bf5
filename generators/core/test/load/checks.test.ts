import { describe, expect, it } from "vitest";
import { loadSpec, type Problem, SpecError } from "../../src/index";
import { type JsonSchema, SUPPORTED_KEYWORDS } from "../../src/load/extensions/json-schema";
import { OPERATION_EXTENSIONS, ROOT_EXTENSIONS } from "../../src/load/extensions/schemas";
import { at } from "../helpers/build";
import { tempFile } from "../helpers/temp";

async function problemsOf(yaml: string): Promise<Problem[]> {
  const error = await loadSpec(tempFile("spec.yaml", yaml)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SpecError);
  return (error as SpecError).problems.filter((problem) => problem.severity === "error");
}

const HEAD = `openapi: 3.1.0
info: { title: T, version: "1" }
`;

describe("lenient structure (JSON Schema accepts what it ignores)", () => {
  it("turns struct complaints inside schemas into warnings and keeps 3.0 leftovers' meaning", async () => {
    const spec = await loadSpec(
      tempFile(
        "s.yaml",
        `${HEAD}paths:
  /x:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  a: { type: integer, minimum: 0, exclusiveMinimum: true, min_items: 2 }
                  b: { $recursiveRef: "#", type: string }
                  c: { type: string, nullable: true }
`,
      ),
    );
    expect(spec.warnings.map((warning) => [warning.severity, warning.rule, warning.line])).toEqual([
      ["warning", "struct", 14],
      ["warning", "struct", 14],
      ["warning", "struct", 15],
      ["warning", "struct", 16],
    ]);
    const properties = at(spec.document, "paths", "/x", "get", "responses", "200", "content");
    expect(JSON.stringify(properties)).toContain('"c":{"type":["string","null"]}');
    expect(JSON.stringify(properties)).toContain('"exclusiveMinimum":0');
  });

  it("keeps what makes a correct SDK impossible an error: a missing required field, an unknown `in`", async () => {
    const problems = await problemsOf(`openapi: 3.1.0
info: { title: T }
paths:
  /x:
    get:
      parameters: [{ name: a, in: body, schema: { type: string } }]
      responses: { "200": { description: ok } }
`);
    expect(problems.map((problem) => [problem.line, problem.pointer])).toEqual([
      [2, "#/info"],
      [6, "#/paths/~1x/get/parameters/0/in"],
    ]);
  });
});

describe("duplicate operationIds and path placeholders", () => {
  it("are errors with file, line and pointer naming both places", async () => {
    const problems = await problemsOf(`${HEAD}paths:
  /a/{id}:
    get: { operationId: getA, responses: { "200": { description: ok } } }
  /b:
    get: { operationId: getA, responses: { "200": { description: ok } } }
`);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 5,
        pointer: "#/paths/~1a~1{id}/get",
        message: 'path "/a/{id}" has the placeholder {id} but GET /a/{id} declares no path parameter "id"',
      }),
      expect.objectContaining({
        line: 7,
        pointer: "#/paths/~1b/get/operationId",
        message:
          'duplicate operationId "getA": also used by GET /a/{id} (#/paths/~1a~1{id}/get); operationIds must be unique',
      }),
    ]);
  });

  it("moves a placeholder's parameter declared in the query to the path, with a warning", async () => {
    const spec = await loadSpec(
      tempFile(
        "s.yaml",
        `${HEAD}paths:
  /jobs/{job}:
    get:
      parameters: [{ name: job, in: query, required: true, schema: { type: string } }]
      responses: { "200": { description: ok } }
`,
      ),
    );
    expect(spec.warnings).toEqual([
      expect.objectContaining({ pointer: "#/paths/~1jobs~1{job}/get/parameters/0/in", line: 6 }),
    ]);
    expect(at(spec.document, "paths", "/jobs/{job}", "get", "parameters")).toEqual([
      { name: "job", in: "path", required: true, schema: { type: "string" } },
    ]);
  });
});

describe("security requirements", () => {
  it("naming an undeclared scheme is an error at its pointer", async () => {
    const [problem] = await problemsOf(`${HEAD}security: [{ token: [] }]
paths: {}
components: { securitySchemes: { key: { type: apiKey, in: header, name: X-Key } } }
`);
    expect(problem).toMatchObject({ pointer: "#/security/0/token", line: 3, rule: "security-defined" });
    expect(problem?.message).toMatch(
      /"token", which components.securitySchemes does not declare \(declared: key\)/,
    );
  });
});

describe("x-embott-* extensions are checked against their JSON Schemas", () => {
  const operation = (extension: string) => `${HEAD}paths:
  /x:
    get:
      parameters: [{ name: cursor, in: query, schema: { type: string } }]
${extension}
      responses: { "200": { description: ok } }
`;

  it.each([
    [
      "      x-embott-pagination: { style: token, cursorParam: cursor }",
      "#/paths/~1x/get/x-embott-pagination/style",
      /"token" is not one of "cursor", "offset", "page", "link"/,
    ],
    [
      "      x-embott-pagination: { style: cursor, cursorParam: cursor }",
      "#/paths/~1x/get/x-embott-pagination",
      /"nextCursor" is required, or "itemCursor" is required/,
    ],
    [
      "      x-embott-pagination: { style: cursor, cursorParam: after, nextCursor: next }",
      "#/paths/~1x/get/x-embott-pagination/cursorParam",
      /cursorParam "after" is not a query parameter of this operation \(query parameters: cursor\)/,
    ],
    [
      "      x-embott-streaming: { method: stream, events: '#/components/schemas/Nope' }",
      "#/paths/~1x/get/x-embott-streaming/events",
      /does not resolve/,
    ],
    ["      x-embott-method: 'list all'", "#/paths/~1x/get/x-embott-method", /does not match/],
  ])("%s", async (extension, pointer, message) => {
    const [problem] = await problemsOf(operation(extension));
    expect(problem).toMatchObject({ pointer, rule: "embott-extension", line: 7 });
    expect(problem?.message).toMatch(message);
  });

  it.each([
    ["algorithm: hmac-sha512", "algorithm", /"hmac-sha512" is not one of "hmac-sha256"/],
    ["scheme: stripe", "scheme", /"stripe" is not one of "timestamped", "plain"/],
    ["encoding: base32", "encoding", /"base32" is not one of "hex", "base64"/],
    ["tolerance: five", "tolerance", /must be an integer, got string "five"/],
  ])("x-embott-webhook-signature %s is an error", async (line, field, message) => {
    const [problem] = await problemsOf(
      `${HEAD}x-embott-webhook-signature:\n  header: Sig\n  ${line}\npaths: {}\n`,
    );
    expect(problem).toMatchObject({ pointer: `#/x-embott-webhook-signature/${field}`, line: 5 });
    expect(problem?.message).toMatch(message);
  });

  it("warns about an x-embott-* key it does not know", async () => {
    const spec = await loadSpec(tempFile("s.yaml", `${HEAD}x-embott-pagnation: {}\npaths: {}\n`));
    expect(spec.warnings).toEqual([
      expect.objectContaining({ pointer: "#/x-embott-pagnation", line: 3, severity: "warning" }),
    ]);
  });

  it("the schemas use only keywords the validator implements", () => {
    const keywords = new Set<string>();
    const collect = (schema: JsonSchema) => {
      for (const key of Object.keys(schema)) keywords.add(key);
      for (const child of Object.values(schema.properties ?? {})) collect(child);
      for (const child of [...(schema.allOf ?? []), ...(schema.anyOf ?? [])]) collect(child);
      for (const child of [schema.if, schema.then]) if (child) collect(child);
    };
    for (const schema of [...Object.values(ROOT_EXTENSIONS), ...Object.values(OPERATION_EXTENSIONS)])
      collect(schema);
    expect([...keywords].filter((keyword) => !SUPPORTED_KEYWORDS.has(keyword))).toEqual([]);
  });
});
