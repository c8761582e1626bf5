import { describe, expect, it } from "vitest";
import { loadSpec, SpecError } from "../../src/index";
import { at } from "../helpers/build";
import { tempFile } from "../helpers/temp";

const VALID_YAML = `openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: string, nullable: true }
`;

async function problemsOf(path: string) {
  const error = await loadSpec(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(SpecError);
  return (error as SpecError).problems.filter((problem) => problem.severity === "error");
}

describe("loadSpec", () => {
  it("loads YAML and JSON, hashes the bytes and normalises 3.0 to 3.1", async () => {
    const yaml = await loadSpec(tempFile("a.yaml", VALID_YAML));
    expect(yaml.openapi).toBe("3.0.3");
    expect(yaml.sha256).toMatch(/^[0-9a-f]{64}$/);
    const schema = at(
      yaml.document,
      "paths",
      "/a",
      "get",
      "responses",
      "200",
      "content",
      "application/json",
      "schema",
    );
    expect(schema).toEqual({ type: ["string", "null"] });
    const json = await loadSpec(
      tempFile(
        "a.json",
        JSON.stringify({ openapi: "3.1.0", info: { title: "T", version: "1" }, webhooks: {} }),
      ),
    );
    expect(json.openapi).toBe("3.1.0");
  });

  it("reports every structural problem with file, line, column and JSON pointer", async () => {
    const path = tempFile(
      "bad.yaml",
      `openapi: 3.1.0
info:
  title: Bad
paths:
  /x:
    get:
      parameters:
        - { name: a, in: nowhere, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Missing" }
`,
    );
    const problems = await problemsOf(path);
    expect(problems.map((problem) => [problem.line, problem.pointer, problem.rule])).toEqual([
      [2, "#/info", "struct"],
      [8, "#/paths/~1x/get/parameters/0/in", "struct"],
      [14, "#/paths/~1x/get/responses/200/content/application~1json/schema", "no-unresolved-refs"],
    ]);
    expect(problems.every((problem) => problem.file === path && problem.col > 0)).toBe(true);
  });

  it("reports YAML syntax errors, missing files and unsupported versions as SpecError", async () => {
    const [syntax] = await problemsOf(tempFile("broken.yaml", "openapi: 3.1.0\ninfo: [\n"));
    expect(syntax).toMatchObject({ rule: "yaml", line: 3 });
    const [missing] = await problemsOf("/nonexistent/spec.yaml");
    expect(missing?.message).toMatch(/file not found/);
    const [swagger] = await problemsOf(
      tempFile("v2.json", JSON.stringify({ swagger: "2.0", info: { title: "T", version: "1" }, paths: {} })),
    );
    expect(swagger).toMatchObject({ rule: "openapi-version", pointer: "#/swagger" });
  });

  it.each([
    ["openapi: 2.5.0", /unsupported OpenAPI version "2\.5\.0"/],
    ['openapi: "4.0.0"', /unsupported OpenAPI version "4\.0\.0"/],
    ['openapi: "3.0"', /unsupported OpenAPI version "3\.0"/],
    ['openapi: ""', /unsupported OpenAPI version ""/],
    ["openapi: 3.1", /must be a quoted string, got 3\.1/],
  ])("reports `%s` at #/openapi with its line and column, never a validator crash", async (line, message) => {
    const path = tempFile("version.yaml", `info: { title: T, version: "1" }\n${line}\npaths: {}\n`);
    const [problem] = await problemsOf(path);
    expect(problem).toMatchObject({ file: path, line: 2, col: 10, pointer: "#/openapi" });
    expect(problem?.message).toMatch(message);
  });

  it("reports a missing openapi field at the document root", async () => {
    const [problem] = await problemsOf(
      tempFile("none.yaml", 'info: { title: T, version: "1" }\npaths: {}\n'),
    );
    expect(problem).toMatchObject({ line: 1, col: 1, pointer: "#/openapi", rule: "openapi-version" });
    expect(problem?.message).toMatch(/"openapi" field is missing/);
  });
});
