import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { componentName, deref, isJsonObject, operationParameters } from "../src/index";
import { SEED_EVENT_TYPES } from "./support/seed";
import { doc, webhookOperations } from "./support/spec";

const schemas = doc.components.schemas;

/** Name of the event schema a webhook's request body points at. */
function eventSchemaName(eventType: string): string | undefined {
  const body = doc.webhooks[eventType]?.post?.requestBody;
  return componentName(body && deref(doc, body).content["application/json"]?.schema, "schemas");
}

describe("webhooks", () => {
  it("declares exactly the seed's 14 event types, each as a POST", () => {
    expect(Object.keys(doc.webhooks)).toEqual([...SEED_EVENT_TYPES]);
    expect(webhookOperations.map((entry) => entry.method)).toEqual(SEED_EVENT_TYPES.map(() => "post"));
  });

  it("lists the same 14 types in the EventType enum used by subscriptions", () => {
    expect(schemas.EventType?.enum).toEqual([...SEED_EVENT_TYPES]);
  });

  describe.each(SEED_EVENT_TYPES)("%s", (eventType) => {
    const name = eventSchemaName(eventType);
    const schema = name ? schemas[name] : undefined;
    const properties = isJsonObject(schema?.properties) ? schema.properties : {};

    it("has an event schema whose `type` const is the event key", () => {
      expect(properties.type).toEqual({ type: "string", const: eventType });
    });

    it("uses the shared envelope with a typed `data` payload", () => {
      expect(schema?.required).toEqual(["id", "object", "type", "created_at", "api_version", "data"]);
      expect(properties.object).toMatchObject({ const: "event" });
      expect(properties.api_version).toMatchObject({ const: "2026-11-01" });
      expect(componentName(properties.data, "schemas")).toBeDefined();
    });

    it("is a WebhookEvent member mapped from its type", () => {
      const union = schemas.WebhookEvent!;
      const ref = `#/components/schemas/${name}`;
      expect(union.oneOf).toContainEqual({ $ref: ref });
      expect((union.discriminator as { mapping: Record<string, string> }).mapping[eventType]).toBe(ref);
    });

    it("carries the Embott-Signature header and accepts any 2XX", () => {
      const entry = webhookOperations.find((candidate) => candidate.path === eventType)!;
      const names = operationParameters(doc, entry).map((parameter) => `${parameter.in}:${parameter.name}`);
      expect(names).toEqual(["header:Embott-Signature"]);
      expect(Object.keys(entry.operation.responses)).toEqual(["2XX"]);
    });
  });

  it("maps nothing else in the WebhookEvent discriminator", () => {
    const mapping = (schemas.WebhookEvent!.discriminator as { propertyName: string; mapping: object })
      .mapping;
    expect(Object.keys(mapping)).toEqual([...SEED_EVENT_TYPES]);
  });

  it("declares the timestamped HMAC-SHA256 signature scheme of the seed", () => {
    expect(doc["x-embott-webhook-signature"]).toEqual({
      header: "Embott-Signature",
      scheme: "timestamped",
      algorithm: "hmac-sha256",
      encoding: "hex",
      tolerance: 300,
    });
  });

  it("documents a signature test vector that really verifies", () => {
    const description = String(doc.info.description);
    const field = (label: string) => new RegExp(`^\\s*${label}:\\s*(.+)$`, "m").exec(description)?.[1];
    const [, timestamp, signature] =
      /^t=(\d+),v1=([0-9a-f]{64})$/.exec(field("Embott-Signature") ?? "") ?? [];
    const signed = `${timestamp}.${field("body")}`;
    expect(field("signed")).toBe(signed);
    expect(
      createHmac("sha256", field("secret") ?? "")
        .update(signed)
        .digest("hex"),
    ).toBe(signature);
    expect(doc.components.parameters.EmbottSignature?.schema?.examples).toEqual([field("Embott-Signature")]);
  });
});
