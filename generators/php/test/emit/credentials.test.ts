import { resolve } from "node:path";
import { buildIR, buildPlan, loadSpec, type SdkPlan } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { clientFile } from "../../src/emit/client-file";
import { phpView } from "../../src/emit/from-plan";
import type { PhpMethod, PhpService } from "../../src/emit/view";
import { phpNaming } from "../../src/naming";

const ROOT = resolve(import.meta.dirname, "../../../..");
const NS = { root: "Repro", model: "Repro\\Model", service: "Repro\\Service" };

async function planOf(spec: string): Promise<SdkPlan> {
  const loaded = await loadSpec(resolve(ROOT, spec));
  return buildPlan(buildIR(loaded), { document: loaded.document });
}

function methods(services: readonly PhpService[]): PhpMethod[] {
  return services.flatMap((service) => [...service.methods, ...methods(service.children)]);
}

describe("PHP credentials from the plan", () => {
  it("gives each further scheme a snake_case option with its placement and variable, and the root alternatives", async () => {
    const sdk = phpView(await planOf("testdata/repro/typing-auth.yaml"), phpNaming);
    expect(sdk.auth).toBe("bearer");
    expect(sdk.apiKeyEnv).toBe("REPRO_API_KEY");
    expect(
      sdk.credentials.map(({ scheme, option, placement, env }) => ({ scheme, option, placement, env })),
    ).toEqual([
      {
        scheme: "api_email",
        option: "auth_email",
        placement: "header:X-Auth-Email",
        env: "REPRO_AUTH_EMAIL",
      },
      { scheme: "api_key", option: "auth_key", placement: "header:X-Auth-Key", env: "REPRO_AUTH_KEY" },
    ]);
    expect(sdk.security).toEqual([["auth_email", "auth_key"], ["api_key"]]);
    const client = clientFile(sdk, NS, "typing-auth.yaml");
    expect(client).toContain("'auth_email' => new Credential('header:X-Auth-Email', 'REPRO_AUTH_EMAIL'),");
    expect(client).toContain("security: [['auth_email', 'auth_key'], ['api_key']],");
    expect(client).toContain("     *      auth_key?: string,");
  });

  it("declares a method's own alternatives only where they differ from the API's", async () => {
    const sdk = phpView(await planOf("testdata/repro/security-overrides.yaml"), phpNaming);
    const byLabel = Object.fromEntries(
      methods(sdk.services).map((method) => [method.label, method.security]),
    );
    expect(byLabel).toEqual({
      "health.get": [],
      "partner.listPartnerReports": [["partner_key"]],
      "zones.list": undefined,
    });
    expect(sdk.credentials.find((credential) => credential.option === "partner_key")?.placement).toBe(
      "query:partner_key",
    );
  });

  it("an API without schemes has no api_key option and reads no key variable", async () => {
    const sdk = phpView(await planOf("testdata/repro/error-envelope.yaml"), phpNaming);
    expect(sdk.auth).toBe("none");
    expect(sdk.apiKeyEnv).toBeUndefined();
    expect(sdk.credentials).toEqual([]);
    const client = clientFile(sdk, NS, "error-envelope.yaml");
    expect(client).not.toContain("api_key");
    expect(client).not.toContain("apiKeyEnv");
    expect(client).toContain("auth: 'none',");
  });

  it("Embott: every operation needs the key, so it is the API's requirement and no method repeats it", async () => {
    const sdk = phpView(await planOf("spec/openapi.yaml"), phpNaming);
    expect(sdk.security).toBeUndefined();
    expect(methods(sdk.services).every((method) => method.security === undefined)).toBe(true);
    expect(sdk.errorEnvelope).toEqual({
      message: ["error", "message"],
      code: ["error", "code"],
      type: ["error", "type"],
      param: ["error", "param"],
      requestId: ["error", "request_id"],
    });
    expect(sdk.requestIdHeader).toBe("x-request-id");
    expect(sdk.retry).toEqual({ statuses: [408, 429], minServerErrorStatus: 500 });
  });

  it("reads the error envelope's paths from the plan", async () => {
    const sdk = phpView(await planOf("testdata/repro/error-envelope.yaml"), phpNaming);
    expect(sdk.errorEnvelope).toMatchObject({ message: ["detail"], code: ["code"], param: ["field"] });
    expect(clientFile(sdk, NS, "error-envelope.yaml")).toContain("message: ['detail'],");
  });
});
