import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPRO_DIR } from "../../../testdata/corpus";
import { type EmittedGem, emitGem } from "./support/emit";

// What the emitter writes from the plan's credentials: one keyword per credential, the root alternatives in the
// client's CONFIG, an operation's own alternatives on its call only, nothing at all for an API without schemes.

describe("Ruby credentials from the plan", () => {
  const gems: Record<string, EmittedGem> = {};
  const read = (spec: string, path: string) => readFileSync(join(gems[spec]!.dir, path), "utf8");

  beforeAll(async () => {
    for (const spec of ["security-overrides.yaml", "error-envelope.yaml"])
      gems[spec] = await emitGem(join(REPRO_DIR, spec));
  }, 60_000);

  afterAll(() => {
    for (const gem of Object.values(gems)) gem.cleanup();
  });

  it("gives each credential its keyword, placement and env variable, the primary first as api_key", () => {
    const client = read("security-overrides.yaml", "lib/repro/client.rb");
    expect(client).toContain('api_key: { kind: :bearer, env: "REPRO_API_KEY" }');
    expect(client).toContain('auth_email: { kind: :header, name: "X-Auth-Email", env: "REPRO_AUTH_EMAIL" }');
    expect(client).toContain('partner_key: { kind: :query, name: "partner_key", env: "REPRO_PARTNER_KEY" }');
    expect(client).toContain("security: [%i[auth_email auth_key], %i[api_key]]");
    expect(client).toMatch(
      /def initialize\(\n\s+api_key: nil,\n\s+auth_email: nil,\n\s+auth_key: nil,\n\s+partner_key: nil,/,
    );
  });

  it("passes an operation's alternatives only when they differ from the root's", () => {
    expect(read("security-overrides.yaml", "lib/repro/services/partner.rb")).toContain(
      "security: [%i[partner_key]]",
    );
    expect(read("security-overrides.yaml", "lib/repro/services/health.rb")).toContain("security: []");
    expect(read("security-overrides.yaml", "lib/repro/services/zones.rb")).not.toContain("security:");
  });

  it("has no credential option and reads no variable for an API without schemes; errors use its envelope", () => {
    const client = read("error-envelope.yaml", "lib/repro/client.rb");
    expect(client).not.toContain("api_key");
    expect(client).not.toContain("REPRO_API_KEY");
    expect(client).toContain("credentials: {}");
    expect(client).toContain("security: []");
    expect(client).toMatch(/error_envelope: \{[^}]*message: \["detail"\][^}]*request_id: \["trace_id"\]/);
  });
});
