import { GENERATED_MARKER, type IR } from "@embott/codegen-core";
import { beforeAll, describe, expect, it } from "vitest";
import { emitSpec, FEATURES_SPEC, fileOf } from "./support";

let ir: IR;
let files: Map<string, string>;
let scaffold: Set<string>;

beforeAll(async () => {
  ({ ir, files, scaffold } = await emitSpec(FEATURES_SPEC));
}, 60_000);

describe("emitTypeScript on the feature fixture", () => {
  it("marks every file as generated and writes provenance with the spec hash", () => {
    for (const [path, contents] of files) {
      if (scaffold.has(path)) continue;
      expect(contents.split("\n", 3).join("\n"), path).toContain(GENERATED_MARKER);
    }
    const provenance = JSON.parse(fileOf(files, ".embott-codegen.json")) as Record<string, unknown>;
    expect(provenance).toMatchObject({ language: "typescript", specSha256: ir.source.sha256 });
  });

  it("scaffolds a buildable package: package.json, strict NodeNext tsconfig and README, all user-owned", () => {
    expect([...scaffold].sort()).toEqual(["README.md", "package.json", "tsconfig.json"]);
    const manifest = JSON.parse(fileOf(files, "package.json")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "feature-zoo",
      version: "0.1.0",
      type: "module",
      types: "./dist/index.d.ts",
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      scripts: { build: "tsc -p tsconfig.json", typecheck: "tsc -p tsconfig.json --noEmit" },
    });
    expect(manifest).not.toHaveProperty("dependencies");
    const tsconfig = JSON.parse(fileOf(files, "tsconfig.json")) as {
      compilerOptions: Record<string, unknown>;
    };
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, module: "NodeNext", outDir: "dist" });
    expect(fileOf(files, "README.md")).toContain('import { FeatureZoo } from "feature-zoo";');
    expect(fileOf(files, "README.md")).not.toContain(GENERATED_MARKER);
  });

  it("writes Node ESM import specifiers (.js) in generated and copied runtime files", () => {
    expect(fileOf(files, "src/index.ts")).toContain('export * from "./core/index.js";');
    expect(fileOf(files, "src/resources/pets.ts")).toContain('from "../core/options.js";');
    expect(fileOf(files, "src/core/client.ts")).toMatch(/from "\.\.\/internal\/auth\.js";/);
    expect(fileOf(files, "src/core/client.ts")).not.toMatch(/from "\.{1,2}\/[^"]*(?<!\.js)";/);
  });

  it("copies the runtime next to the generated surface", () => {
    expect(fileOf(files, "src/core/client.ts")).toContain("export class APIClient");
    expect(fileOf(files, "src/internal/path.ts")).toContain("export function encodePath");
  });

  it("keeps hey-api's type names and steps our class name aside on a clash (schema Pets)", () => {
    expect(fileOf(files, "src/types.gen.ts")).toContain("export type Pets = ");
    expect(fileOf(files, "src/resources/pets.ts")).toContain("export class PetsResource extends APIResource");
    expect(fileOf(files, "src/index.ts")).toMatch(/^\s+PetsResource,$/m);
  });

  it("builds flat camelCase params and maps them back to wire names", () => {
    const pets = fileOf(files, "src/resources/pets.ts");
    expect(pets).toContain('pageToken: { in: "query", name: "page_token" }');
    expect(pets).toContain('xRequestTrace: { in: "header", name: "X-Request-Trace" }');
    expect(pets).toContain("pageToken?: string;");
    expect(pets).toContain("body: Types.Pets;");
    expect(pets).toContain(
      "list(params: PetListParams = {}, options?: RequestOptions): PagePromise<Types.Pet>",
    );
  });

  it("leaves read-only properties out of request params and sends form bodies as form", () => {
    const create = fileOf(files, "src/resources/pets.ts").split("export interface PetCreateParams")[1] ?? "";
    expect(create).toContain("name: ");
    expect(create.split("}")[0]).not.toContain(" id");
    expect(fileOf(files, "src/resources/pets.ts")).toContain(
      'body: { encoding: "form", mediaType: "application/x-www-form-urlencoded" }',
    );
  });

  it("passes non-object bodies as one `body` param and binary responses as ArrayBuffer", () => {
    const pets = fileOf(files, "src/resources/pets.ts");
    expect(pets).toContain('body: { encoding: "json", mediaType: "application/json", whole: "body" }');
    expect(pets).toContain("APIPromise<ArrayBuffer>");
    expect(pets).toContain("binaryResponse: true");
    expect(pets).toMatch(/\* @deprecated\n\s+\*\/\n\s+getPetPhoto\(/);
  });

  it("nests dotted resources and streams event-stream operations", () => {
    expect(fileOf(files, "src/resources/pets.ts")).toContain(
      "readonly events: PetsEvents = new PetsEvents(this.client);",
    );
    const events = fileOf(files, "src/resources/pets/events.ts");
    expect(events).toContain("APIPromise<Stream<Types.PetEvent>>");
    expect(events).toContain("this.client.requestStream<Types.PetEvent>(");
  });

  it("types webhook payloads as one union and adds no verifier without a signature scheme", () => {
    expect(fileOf(files, "src/webhook-events.ts")).toContain(
      "export type WebhookEvent = Types.PetEvent | Types.Pet;",
    );
    expect(files.has("src/resources/webhooks.ts")).toBe(false);
  });

  it("configures the client from servers and security", () => {
    const client = fileOf(files, "src/client.ts");
    expect(client).toContain("export class FeatureZoo extends APIClient");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated template literal, verbatim
    expect(client).toContain('defaultBaseURL: `https://${options.region ?? "eu"}.zoo.example/api`');
    expect(client).toContain('auth: { kind: "header", name: "X-Zoo-Key" }');
  });

  it("prints only the plan's models in types.gen.ts and keeps hey-api's request plumbing out of the index", () => {
    const types = fileOf(files, "src/types.gen.ts");
    const declared = [...types.matchAll(/^export type (\w+)/gm)].map((match) => match[1]).sort();
    expect(declared).toEqual(["Pet", "PetEvent", "PetPage", "Pets"]);
    expect(fileOf(files, "src/index.ts")).not.toMatch(/\w+(Data|Errors|Responses)\b/);
  });

  it("exports the client as default with the error classes as statics", () => {
    const client = fileOf(files, "src/client.ts");
    expect(client).toContain("static readonly NotFoundError = NotFoundError;");
    expect(client).toContain("export default FeatureZoo;");
    const index = fileOf(files, "src/index.ts");
    expect(index).toContain("FeatureZoo as default");
    expect(index).toContain('export * from "./core/index.js";');
  });

  it("lists every IR operation in api.md", () => {
    const apiMd = fileOf(files, "api.md");
    const operations = ir.resources.flatMap((resource) => resource.operations);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(apiMd).toContain(`\`${operation.httpMethod.toUpperCase()} ${operation.path}\``);
    }
  });
});
