import { fileURLToPath } from "node:url";
import { buildIR, buildPlan, loadSpec } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { emitPython } from "../../src/emit/emitter";
import { pythonNaming } from "../../src/naming";

async function emit(spec: string): Promise<Map<string, string>> {
  const loaded = await loadSpec(fileURLToPath(new URL(`../../../../${spec}`, import.meta.url)));
  const plan = buildPlan(buildIR(loaded), { document: loaded.document });
  const files = emitPython(plan, { specFile: spec }, pythonNaming);
  return new Map(files.map((file) => [file.path.replace(/^src\/[^/]+\//, ""), file.contents]));
}

describe("python emitter: credentials, security and the error envelope come from the plan", () => {
  it("gives every credential its own option, env variable and placement, and the root alternatives", async () => {
    const client = (await emit("testdata/repro/security-overrides.yaml")).get("_client.py") ?? "";
    expect(client).toContain('Credential("api_key", "REPRO_API_KEY", "bearer"),');
    expect(client).toContain('Credential("auth_email", "REPRO_AUTH_EMAIL", "header", "X-Auth-Email"),');
    expect(client).toContain('Credential("partner_key", "REPRO_PARTNER_KEY", "query", "partner_key"),');
    expect(client).toContain('security=(("auth_email", "auth_key"), ("api_key",)),');
    expect(client).toContain("        auth_email: Optional[str] = None,");
    expect(client).toContain("Credentials (pass `auth_email` and `auth_key`, or `api_key`), each defaulting");
    expect(client).toContain("      `partner_key`: `REPRO_PARTNER_KEY`\n");
    expect(client).toContain(
      'credentials={\n                "api_key": api_key,\n                "auth_email": auth_email,\n                "auth_key": auth_key,\n                "partner_key": partner_key,\n            },',
    );
  });

  it("passes an operation's own security (security: [] is nothing) and leaves the root's implicit", async () => {
    const files = await emit("testdata/repro/security-overrides.yaml");
    expect(files.get("resources/health.py")).toContain("security=(),");
    expect(files.get("resources/partner.py")).toContain('security=(("partner_key",),),');
    expect(files.get("resources/zones.py")).not.toContain("security=");
  });

  it("Embott: the bearer scheme every operation names is the client's requirement; its envelope is passed", async () => {
    const files = await emit("spec/openapi.yaml");
    const client = files.get("_client.py") ?? "";
    expect(client).toContain('security=(("api_key",),),');
    expect(client).toContain('message=("error", "message"),');
    expect(client).toContain("retry_statuses=frozenset({408, 429}),");
    expect(files.get("resources/bots.py")).not.toContain("security=");
  });

  it("an API without security schemes has no api_key option and reads no key variable", async () => {
    const client = (await emit("testdata/repro/error-envelope.yaml")).get("_client.py") ?? "";
    expect(client).not.toContain("api_key");
    expect(client).not.toContain("Credential(");
    expect(client).toContain("The API takes no credentials. The base URL defaults to `REPRO_BASE_URL`.");
    expect(client).toContain(
      'error_envelope=ErrorEnvelope(message=("detail",), code=("code",), param=("field",)',
    );
  });
});
