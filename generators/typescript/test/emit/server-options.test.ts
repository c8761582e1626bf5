import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitDocument, fileOf, response, tinySpec } from "./support";

const servers = [
  {
    url: "https://{region}.api.example.com/{version}/",
    variables: {
      region: { default: "eu", enum: ["eu", "us"], description: "Data region." },
      version: { default: "v1" },
    },
  },
];
const document = tinySpec(
  {
    "/ping": {
      get: { tags: ["health"], operationId: "ping", responses: { 200: response({ type: "string" }) } },
    },
  },
  { servers },
);

describe("server variables", () => {
  it("become typed client options that build the default base URL", async () => {
    const { files } = await emitDocument(document);
    const client = fileOf(files, "src/client.ts");
    expect(client).toContain("export interface TinyOptions extends NoAuthClientOptions");
    expect(client).toContain('region?: "eu" | "us";');
    expect(client).toContain("version?: string;");
    expect(client).toContain("constructor(options: TinyOptions = {})");
    expect(client).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated template literal, verbatim
      'defaultBaseURL: `https://${options.region ?? "eu"}.api.example.com/${options.version ?? "v1"}`',
    );
    expect(fileOf(files, "src/index.ts")).toContain(
      "export { Tiny, Tiny as default, type TinyOptions } from",
    );
    expect(fileOf(files, "src/types.gen.ts")).not.toMatch(/ClientOptions|baseUrl/);

    // Run the generated client: the options pick the host unless baseURL is given.
    const root = await mkdtemp(join(tmpdir(), "embott-server-options-"));
    for (const [path, contents] of files) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), contents);
    }
    const { Tiny } = (await import(join(root, "src/index.ts"))) as {
      Tiny: new (options: Record<string, unknown>) => { baseURL: string };
    };
    expect(new Tiny({}).baseURL).toBe("https://eu.api.example.com/v1");
    expect(new Tiny({ region: "us" }).baseURL).toBe("https://us.api.example.com/v1");
    expect(new Tiny({ region: "us", baseURL: "http://localhost:9" }).baseURL).toBe("http://localhost:9");
  }, 30_000);
});
