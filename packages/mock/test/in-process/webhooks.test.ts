import { readFileSync } from "node:fs";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { Schemas } from "../../src/store/types";
import { signatureHeader, verifySignature } from "../../src/webhooks/signature";
import { call, json, useMock } from "../support/in-process";
import { isSignedWith, parseSignatureHeader } from "../support/signature";

const HOOK_URL = "https://hooks.example.com/embott";
const VECTORS = new URL("../../../../testdata/webhook-signatures.json", import.meta.url);

interface SignatureVector {
  name: string;
  scheme: { scheme: string; encoding: string };
  secret: string;
  body_encoding: string;
  body: string;
  header: unknown;
  now: number;
  tolerance: number;
  expect: string;
}

interface Received {
  body: string;
  signature: string;
}

describe("webhook deliveries", () => {
  const { mock, server } = useMock({ webhookSchedule: { retryDelaysMs: [5, 5, 5] } });

  async function subscribe(events: string[]): Promise<string> {
    const created = await json<Schemas["CreatedWebhookSubscription"]>(
      await call("POST", "/webhooks", { body: { url: HOOK_URL, events } }),
    );
    return created.secret;
  }

  function receiver(statuses: number[]): Received[] {
    const received: Received[] = [];
    server.use(
      http.post(HOOK_URL, async ({ request }) => {
        received.push({
          body: await request.text(),
          signature: request.headers.get("embott-signature") ?? "",
        });
        return new HttpResponse(null, { status: statuses[received.length - 1] ?? 200 });
      }),
    );
    return received;
  }

  it("POSTs signed events when a handoff is requested", async () => {
    const secret = await subscribe(["handoff.requested"]);
    const received = receiver([200]);
    await call("POST", "/conversations/conv_abc123/handoff", { body: { priority: "urgent" } });
    await mock.webhooks.settled();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const event = JSON.parse(delivery?.body ?? "{}");
    expect(event).toMatchObject({
      object: "event",
      type: "handoff.requested",
      api_version: "2026-11-01",
      data: { priority: "urgent" },
    });
    expect(isSignedWith(secret, delivery?.signature ?? "", delivery?.body ?? "")).toBe(true);
    expect(isSignedWith("whsec_wrong", delivery?.signature ?? "", delivery?.body ?? "")).toBe(false);
  });

  it("only delivers event types the subscription asked for", async () => {
    await subscribe(["lead.captured"]);
    const received = receiver([200]);
    await call("POST", "/conversations/conv_abc123/messages", {
      body: { role: "user", content: "Mail me: kim@example.net" },
    });
    await mock.webhooks.settled();
    expect(received.map((delivery) => JSON.parse(delivery.body).type)).toEqual(["lead.captured"]);
  });

  it("retries failed deliveries on the (compressed) schedule until one succeeds", async () => {
    await subscribe(["bot.deployed"]);
    const received = receiver([500, 503, 200]);
    await call("POST", "/bots", { body: { name: "Deployed", status: "active" } });
    await mock.webhooks.settled();
    expect(received).toHaveLength(3);
    const [delivery] = mock.webhooks.deliveries();
    expect(delivery?.state).toBe("succeeded");
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
  });

  it("stops pending retries as soon as the subscription is deleted", async () => {
    mock.webhooks.configure({ retryDelaysMs: [60_000, 60_000] });
    const created = await json<Schemas["CreatedWebhookSubscription"]>(
      await call("POST", "/webhooks", { body: { url: HOOK_URL, events: ["bot.deployed"] } }),
    );
    const firstAttempt = new Promise<void>((resolve) =>
      server.use(
        http.post(HOOK_URL, () => {
          resolve();
          return new HttpResponse(null, { status: 500 });
        }),
      ),
    );
    await call("POST", "/bots", { body: { name: "Deleted Before Retry", status: "active" } });
    await firstAttempt;
    expect((await call("DELETE", `/webhooks/${created.id}`)).status).toBe(200);
    await mock.webhooks.settled();
    const [delivery] = mock.webhooks.deliveries();
    expect(delivery?.state).toBe("cancelled");
    expect(delivery?.attempts.length).toBeLessThanOrEqual(1);
  });

  it("signs with the old and the new secret during a rotation (HTTP control endpoint)", async () => {
    const oldSecret = await subscribe(["bot.deployed"]);
    const [webhook] = mock.store.webhooks.all().filter((candidate) => candidate.url === HOOK_URL);
    const rotated = await fetch(`https://api.embott.com/__mock/webhooks/${webhook?.id}/rotate-secret`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grace_period_ms: 60_000 }),
    }).then((response) => response.json());
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.previous_secrets.map((old: { secret: string }) => old.secret)).toEqual([oldSecret]);
    const received = receiver([200]);
    await call("POST", "/bots", { body: { name: "Rotating", status: "active" } });
    await mock.webhooks.settled();
    const [delivery] = received;
    expect(parseSignatureHeader(delivery?.signature ?? "").v1).toHaveLength(2);
    expect(isSignedWith(rotated.secret, delivery?.signature ?? "", delivery?.body ?? "")).toBe(true);
    expect(isSignedWith(oldSecret, delivery?.signature ?? "", delivery?.body ?? "")).toBe(true);
  });

  it("stops signing with the old secret once its grace period is over (JS API)", async () => {
    const oldSecret = await subscribe(["bot.deployed"]);
    const [webhook] = mock.store.webhooks.all().filter((candidate) => candidate.url === HOOK_URL);
    const rotated = mock.rotateWebhookSecret(webhook?.id ?? "", { gracePeriodMs: 0 });
    const received = receiver([200]);
    await call("POST", "/bots", { body: { name: "Rotated", status: "active" } });
    await mock.webhooks.settled();
    const [delivery] = received;
    expect(parseSignatureHeader(delivery?.signature ?? "").v1).toHaveLength(1);
    expect(isSignedWith(rotated.secret, delivery?.signature ?? "", delivery?.body ?? "")).toBe(true);
    expect(isSignedWith(oldSecret, delivery?.signature ?? "", delivery?.body ?? "")).toBe(false);
  });

  it("gives up after the last retry", async () => {
    await subscribe(["bot.deployed"]);
    const received = receiver([500, 500, 500, 500, 500]);
    await call("POST", "/bots", { body: { name: "Never Acknowledged", status: "active" } });
    await mock.webhooks.settled();
    expect(received).toHaveLength(4);
    expect(mock.webhooks.deliveries()[0]?.state).toBe("failed");
  });
});

describe("the mock's signer", () => {
  const vectors = JSON.parse(readFileSync(VECTORS, "utf8")) as { cases: SignatureVector[] };
  const signable = vectors.cases.filter(
    (vector) =>
      vector.expect === "valid" &&
      vector.scheme.scheme === "timestamped" &&
      vector.scheme.encoding === "hex" &&
      vector.body_encoding === "utf8" &&
      typeof vector.header === "string" &&
      /^t=[1-9]\d*,v1=[0-9a-f]{64}$/.test(vector.header),
  );

  it.each(signable.map((vector) => [vector.name, vector] as const))(
    "reproduces the shared vector %s",
    (_name, vector) => {
      const header = vector.header as string;
      const timestamp = Number(header.slice(2, header.indexOf(",")));
      expect(signatureHeader([vector.secret], timestamp, vector.body)).toBe(vector.header);
    },
  );

  it("covers at least the basic shared vectors", () => {
    expect(signable.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the mock's exported verifySignature", () => {
  const vectors = JSON.parse(readFileSync(VECTORS, "utf8")) as { cases: SignatureVector[] };
  const applicable = vectors.cases.filter(
    (vector) => vector.scheme.scheme === "timestamped" && vector.scheme.encoding === "hex",
  );

  it.each(applicable.map((vector) => [vector.name, vector] as const))(
    "agrees with the SDKs on the shared vector %s",
    (_name, vector) => {
      const body = vector.body_encoding === "base64" ? Buffer.from(vector.body, "base64") : vector.body;
      expect(verifySignature(vector.secret, vector.header, body, vector.now, vector.tolerance)).toBe(
        vector.expect === "valid",
      );
    },
  );

  it("covers the strictness vectors (junk after v1, repeated t, leading zeros)", () => {
    const names = applicable.map((vector) => vector.name);
    for (const name of [
      "junk_after_signature",
      "duplicate_timestamp_first_signed",
      "timestamp_leading_zeros_signed_as_received",
    ]) {
      expect(names).toContain(name);
    }
  });
});
