import { applyCasing } from "../naming/casing";
import { arrayAt, isObject, type Json, objectAt, stringAt } from "./json";
import type { ApiInfo, SdkMeta, Server, WebhookSignature } from "./types";

export function buildInfo(document: Json): ApiInfo {
  const info = objectAt(document["info"]);
  const summary = stringAt(info["summary"]);
  const description = stringAt(info["description"]);
  return {
    title: String(info["title"] ?? ""),
    version: String(info["version"] ?? ""),
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
  };
}

/** Words of a title that say nothing about the product ("Discord HTTP API (Preview)" → discord). */
const NOISE_WORDS = new Set([
  "api",
  "apis",
  "openapi",
  "rest",
  "http",
  "spec",
  "specification",
  "the",
  "preview",
  "v1",
  "v2",
  "v3",
]);

/**
 * `x-embott-sdk`, else names derived from `info.title`. Each title word stays whole, so brand words keep their
 * shape: "GitHub v3 REST API" → GitHub, `github`, `GITHUB_API_KEY`; "OpenAI API" → OpenAI, `openai`.
 */
export function buildSdkMeta(document: Json, info: ApiInfo): SdkMeta {
  const extension = objectAt(document["x-embott-sdk"]);
  const ascii = info.title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const titleWords = ascii
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word && !NOISE_WORDS.has(word.toLowerCase()) && /^[A-Za-z]/.test(word));
  const tokens = titleWords.length > 0 ? titleWords : ["api"];
  const words = tokens.map((word) => word.toLowerCase());
  const pascal = tokens
    .map((word) =>
      /[a-z]/.test(word)
        ? word.charAt(0).toUpperCase() + word.slice(1)
        : applyCasing([word.toLowerCase()], "pascal"),
    )
    .join("");
  const derived: SdkMeta = {
    clientName: pascal,
    packageName: applyCasing(words, "kebab"),
    apiKeyEnv: applyCasing([...words, "api", "key"], "screamingSnake"),
    baseUrlEnv: applyCasing([...words, "base", "url"], "screamingSnake"),
    origin: "derived",
  };
  if (!isObject(document["x-embott-sdk"])) return derived;
  return {
    clientName: stringAt(extension["clientName"]) ?? derived.clientName,
    packageName: stringAt(extension["packageName"]) ?? derived.packageName,
    apiKeyEnv: stringAt(extension["apiKeyEnv"]) ?? derived.apiKeyEnv,
    baseUrlEnv: stringAt(extension["baseUrlEnv"]) ?? derived.baseUrlEnv,
    origin: "extension",
  };
}

export function buildServers(document: Json): Server[] {
  return arrayAt(document["servers"])
    .filter(isObject)
    .map((server) => {
      const description = stringAt(server["description"]);
      const variables = Object.entries(objectAt(server["variables"])).map(([name, raw]) => {
        const variable = objectAt(raw);
        const values = arrayAt(variable["enum"]).map(String);
        const variableDescription = stringAt(variable["description"]);
        return {
          name,
          default: String(variable["default"] ?? ""),
          ...(values.length > 0 ? { enum: values } : {}),
          ...(variableDescription ? { description: variableDescription } : {}),
        };
      });
      return { url: String(server["url"] ?? "/"), ...(description ? { description } : {}), variables };
    });
}

/** `x-embott-webhook-signature`, or undefined. */
export function buildWebhookSignature(document: Json): WebhookSignature | undefined {
  const raw = document["x-embott-webhook-signature"];
  if (!isObject(raw) || typeof raw["header"] !== "string") return undefined;
  const prefix = stringAt(raw["prefix"]);
  return {
    header: raw["header"],
    scheme: raw["scheme"] === "plain" ? "plain" : "timestamped",
    algorithm: stringAt(raw["algorithm"]) ?? "hmac-sha256",
    encoding: raw["encoding"] === "base64" ? "base64" : "hex",
    ...(prefix ? { prefix } : {}),
    ...(typeof raw["tolerance"] === "number" ? { tolerance: raw["tolerance"] } : {}),
  };
}
