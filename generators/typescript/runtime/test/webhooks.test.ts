import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidWebhookPayloadError, InvalidWebhookSignatureError, SDKError } from "../src/core/error";
import type { WebhookSignatureScheme } from "../src/core/webhook-scheme";
import {
  generateTestHeader,
  type RawBody,
  type SignatureInput,
  unwrapWebhook,
  verifyWebhookSignature,
} from "../src/core/webhooks";
import { hmacBackend, hmacSha256, webCryptoHmacSha256 } from "../src/internal/crypto";
import { Embott } from "./helpers/embott-fixture";

interface Vector {
  name: string;
  scheme: WebhookSignatureScheme;
  secret: string;
  body_encoding: "utf8" | "base64";
  body: string;
  header: unknown;
  now: number;
  tolerance: number;
  expect: string;
}

const vectorsURL = new URL("../../../../testdata/webhook-signatures.json", import.meta.url);
const generatorPath = fileURLToPath(
  new URL("../../../../testdata/generate-webhook-vectors.mjs", import.meta.url),
);
const committed = JSON.parse(readFileSync(vectorsURL, "utf8")) as { notes: string[]; cases: Vector[] };
const { notes, cases: vectors } = committed;
const EMBOTT: WebhookSignatureScheme = {
  header: "Embott-Signature",
  scheme: "timestamped",
  encoding: "hex",
  tolerance: 300,
};
const SECRET = "whsec_unit_test";
const BODY = '{"id":"evt_1","type":"lead.captured","data":{"id":"lead_1"}}';
const NOW = 1_798_761_600;

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "valid";
  } catch (error) {
    if (error instanceof InvalidWebhookSignatureError) return error.code;
    throw error;
  }
}

describe("shared test vectors (testdata/webhook-signatures.json)", () => {
  it("are exactly what the generator script produces", () => {
    const regenerated = execFileSync(process.execPath, [generatorPath, "--stdout"], { encoding: "utf8" });
    expect(committed).toEqual(JSON.parse(regenerated));
  });

  it("cover every error code, both schemes and encodings, non-ASCII and binary bodies", () => {
    const codes = new Set(vectors.map((vector) => vector.expect));
    for (const code of [
      "valid",
      "missing_header",
      "malformed_header",
      "no_signatures",
      "timestamp_too_old",
      "timestamp_in_future",
      "signature_mismatch",
    ]) {
      expect(codes).toContain(code);
    }
    const valid = vectors.filter((vector) => vector.expect === "valid");
    expect(valid.some((vector) => vector.scheme.scheme === "plain")).toBe(true);
    expect(valid.some((vector) => vector.scheme.encoding === "base64")).toBe(true);
    expect(valid.some((vector) => vector.body_encoding === "base64")).toBe(true);
    expect(valid.some((vector) => vector.body.includes("café 🚀"))).toBe(true);
    expect(notes.join(" ")).toMatch(/UTF-8 bytes of the whole secret string, `whsec_` prefix included/);
  });

  it("pin the strictness rules every SDK and the mock follow", () => {
    const byName = new Map(vectors.map((vector) => [vector.name, vector.expect]));
    expect(byName.get("timestamp_leading_zeros_signed_as_received")).toBe("valid");
    expect(byName.get("timestamp_leading_zeros_signed_without_them")).toBe("signature_mismatch");
    expect(byName.get("duplicate_timestamp_last_signed")).toBe("malformed_header");
    expect(byName.get("duplicate_timestamp_first_signed")).toBe("malformed_header");
    expect(byName.get("junk_after_signature")).toBe("signature_mismatch");
    expect(byName.get("header_number")).toBe("malformed_header");
    expect(byName.get("header_list_with_non_string")).toBe("malformed_header");
    expect(notes.join(" ")).toMatch(/More than one `t=` entry is malformed_header/);
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))("%s", async (_name, vector) => {
    const bytes = Buffer.from(vector.body, vector.body_encoding === "base64" ? "base64" : "utf8");
    const bodies: RawBody[] = [bytes, new Uint8Array(bytes).buffer];
    if (vector.body_encoding === "utf8") bodies.push(vector.body);
    for (const body of bodies) {
      const input = { ...vector, body, signature: vector.header as SignatureInput };
      expect(await outcome(verifyWebhookSignature(input))).toBe(vector.expect);
    }
  });
});

describe("verifyWebhookSignature", () => {
  it("round-trips generateTestHeader for string, Uint8Array and ArrayBuffer bodies", async () => {
    const header = await generateTestHeader({
      payload: BODY,
      secret: SECRET,
      scheme: EMBOTT,
      timestamp: NOW,
    });
    const bytes = new TextEncoder().encode(BODY);
    for (const body of [BODY, bytes, bytes.buffer]) {
      await expect(
        verifyWebhookSignature({ body, signature: header, secret: SECRET, scheme: EMBOTT, now: NOW }),
      ).resolves.toBeUndefined();
    }
  });

  it("finds the header in a Headers object or a plain record, case-insensitively", async () => {
    const header = await generateTestHeader({
      payload: BODY,
      secret: SECRET,
      scheme: EMBOTT,
      timestamp: NOW,
    });
    const base = { body: BODY, secret: SECRET, scheme: EMBOTT, now: NOW };
    await verifyWebhookSignature({ ...base, signature: new Headers({ "embott-signature": header }) });
    await verifyWebhookSignature({ ...base, signature: { "EMBOTT-SIGNATURE": header, other: "x" } });
    expect(await outcome(verifyWebhookSignature({ ...base, signature: { other: header } }))).toBe(
      "missing_header",
    );
  });

  it("rejects a parsed object with a hint to use the raw body", async () => {
    const header = await generateTestHeader({
      payload: BODY,
      secret: SECRET,
      scheme: EMBOTT,
      timestamp: NOW,
    });
    const parsed = JSON.parse(BODY) as unknown as string;
    const error = await verifyWebhookSignature({
      body: parsed,
      signature: header,
      secret: SECRET,
      scheme: EMBOTT,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "signature_mismatch" });
    expect((error as InvalidWebhookSignatureError).hint).toMatch(/raw body/);
  });

  it("hints at re-serialisation when a JSON body does not match", async () => {
    const header = await generateTestHeader({
      payload: BODY,
      secret: SECRET,
      scheme: EMBOTT,
      timestamp: NOW,
    });
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const error = await verifyWebhookSignature({
      body: pretty,
      signature: header,
      secret: SECRET,
      scheme: EMBOTT,
      now: NOW,
    }).catch((e: unknown) => e);
    expect((error as InvalidWebhookSignatureError).hint).toMatch(/re-serialised/);
  });

  it("supports the plain scheme with a prefix and base64 encoding", async () => {
    const scheme: WebhookSignatureScheme = {
      header: "X-Hub-Signature-256",
      scheme: "plain",
      prefix: "sha256=",
      encoding: "base64",
    };
    const header = await generateTestHeader({ payload: BODY, secret: SECRET, scheme });
    expect(header).toMatch(/^sha256=[A-Za-z0-9+/]+=*$/);
    await verifyWebhookSignature({ body: BODY, signature: header, secret: SECRET, scheme });
    expect(
      await outcome(verifyWebhookSignature({ body: `${BODY} `, signature: header, secret: SECRET, scheme })),
    ).toBe("signature_mismatch");
    expect(
      await outcome(verifyWebhookSignature({ body: BODY, signature: "md5=abc", secret: SECRET, scheme })),
    ).toBe("no_signatures");
  });

  it("requires a secret and never accepts a negative tolerance", async () => {
    const header = await generateTestHeader({
      payload: BODY,
      secret: SECRET,
      scheme: EMBOTT,
      timestamp: NOW,
    });
    await expect(
      verifyWebhookSignature({ body: BODY, signature: header, secret: "", scheme: EMBOTT }),
    ).rejects.toThrow(SDKError);
    await expect(
      verifyWebhookSignature({
        body: BODY,
        signature: header,
        secret: SECRET,
        scheme: EMBOTT,
        now: NOW,
        tolerance: -1,
      }),
    ).rejects.toThrow(TypeError);
  });

  it("unwrap returns the parsed event only when the signature is valid", async () => {
    const header = await generateTestHeader({
      payload: BODY,
      secret: SECRET,
      scheme: EMBOTT,
      timestamp: NOW,
    });
    const event = await unwrapWebhook<{ id: string }>({
      body: BODY,
      signature: header,
      secret: SECRET,
      scheme: EMBOTT,
      now: NOW,
    });
    expect(event.id).toBe("evt_1");
    await expect(
      unwrapWebhook({ body: BODY, signature: header, secret: "whsec_other", scheme: EMBOTT, now: NOW }),
    ).rejects.toThrow(InvalidWebhookSignatureError);
  });
});

describe("client.webhooks (WebhooksResource)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses the client's scheme and the secret from EMBOTT_WEBHOOK_SECRET", async () => {
    vi.stubEnv("EMBOTT_WEBHOOK_SECRET", SECRET);
    const client = new Embott();
    const header = await client.webhooks.generateTestHeader({
      payload: { id: "evt_2", type: "lead.captured", data: { id: "lead_2" } },
    });
    const event = await client.webhooks.unwrap(
      '{"id":"evt_2","type":"lead.captured","data":{"id":"lead_2"}}',
      { "Embott-Signature": header },
    );
    expect(event.data.id).toBe("lead_2");
  });

  it("rejects (not throws) with a clear error when no secret is configured", async () => {
    const client = new Embott();
    await expect(client.webhooks.verify(BODY, "t=1,v1=00")).rejects.toThrow(/EMBOTT_WEBHOOK_SECRET/);
  });
});

describe("header inputs, clock and payload edge cases", () => {
  const base = { body: BODY, secret: SECRET, scheme: EMBOTT, now: NOW };
  const signed = () => generateTestHeader({ payload: BODY, secret: SECRET, scheme: EMBOTT, timestamp: NOW });

  /** Like undici's npm `Headers` or node-fetch's: not the built-in class, but with a case-insensitive get(). */
  class ForeignHeaders {
    readonly #map = new Map<string, string>();
    constructor(init: Record<string, string>) {
      for (const [key, value] of Object.entries(init)) this.#map.set(key.toLowerCase(), value);
    }
    get(name: string): string | null {
      return this.#map.get(name.toLowerCase()) ?? null;
    }
  }

  it("accepts any headers object with get(), a Map, records with list values and lists", async () => {
    const header = await signed();
    const [t, v1] = header.split(",") as [string, string];
    for (const signature of [
      new ForeignHeaders({ "Embott-Signature": header }),
      new Map([["embott-signature", header]]),
      { "embott-signature": [t, v1] },
      [t, v1],
    ] as SignatureInput[]) {
      await expect(verifyWebhookSignature({ ...base, signature })).resolves.toBeUndefined();
    }
    expect(await outcome(verifyWebhookSignature({ ...base, signature: new ForeignHeaders({}) }))).toBe(
      "missing_header",
    );
  });

  it("rejects a non-string header value with a typed error, never a crash", async () => {
    for (const value of [42, { t: 1 }, [await signed(), 7], true]) {
      const signature = { "Embott-Signature": value } as unknown as SignatureInput;
      expect(await outcome(verifyWebhookSignature({ ...base, signature }))).toBe("malformed_header");
      expect(
        await outcome(verifyWebhookSignature({ ...base, signature: value as unknown as SignatureInput })),
      ).toBe(typeof value === "object" && !Array.isArray(value) ? "missing_header" : "malformed_header");
    }
  });

  it("never disables the replay window with a non-finite now or tolerance", async () => {
    const signature = await signed();
    for (const now of [Number.NaN, Number.POSITIVE_INFINITY, "1798761600" as unknown as number]) {
      await expect(verifyWebhookSignature({ ...base, signature, now })).rejects.toThrow(TypeError);
    }
    for (const tolerance of [Number.NaN, Number.POSITIVE_INFINITY, "300" as unknown as number]) {
      await expect(verifyWebhookSignature({ ...base, signature, tolerance })).rejects.toThrow(TypeError);
    }
  });

  it("unwraps an event of a type the SDK does not know as the generic event (type + raw payload)", async () => {
    const body = JSON.stringify({
      id: "evt_9",
      type: "bot.renamed_in_2030",
      data: { name: "new" },
      extra: [1],
    });
    const signature = await generateTestHeader({
      payload: body,
      secret: SECRET,
      scheme: EMBOTT,
      timestamp: NOW,
    });
    expect(await unwrapWebhook({ ...base, body, signature })).toEqual(JSON.parse(body));
  });

  it("unwrap rejects a signed body that is not an event object with InvalidWebhookPayloadError", async () => {
    for (const body of ["null", "42", '"text"', "[1]", "not json"]) {
      const signature = await generateTestHeader({
        payload: body,
        secret: SECRET,
        scheme: EMBOTT,
        timestamp: NOW,
      });
      const error = await unwrapWebhook({ ...base, body, signature }).catch((e: unknown) => e);
      expect(error, body).toBeInstanceOf(InvalidWebhookPayloadError);
      expect(error).toBeInstanceOf(SDKError);
    }
  });

  it("computes the same signatures with node:crypto and WebCrypto", async () => {
    expect(hmacBackend()).toBe("node:crypto");
    const parts = ["1798761600.", new Uint8Array([0xff, 0x00, 0x7b]), "café 🚀"];
    for (const encoding of ["hex", "base64"] as const) {
      expect(await webCryptoHmacSha256(SECRET, parts, encoding)).toBe(
        await hmacSha256(SECRET, parts, encoding),
      );
    }
  });
});
