import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { isJsonObject } from "./json";
import type { OpenApiDocument } from "./types";

/** Absolute path of the Embott OpenAPI document. */
export const SPEC_PATH = fileURLToPath(new URL("../openapi.yaml", import.meta.url));

/** The file is missing, is not YAML, or is not an OpenAPI 3.1 document with the sections the tools read. */
export class SpecLoadError extends Error {
  override name = "SpecLoadError";
}

const REQUIRED_SECTIONS = ["info", "paths", "webhooks", "components"] as const;

/** Reads and parses an OpenAPI 3.1 YAML document (the Embott spec by default). */
export function loadSpec(path: string = SPEC_PATH): OpenApiDocument {
  let parsed: unknown;
  try {
    parsed = parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new SpecLoadError(`Cannot read ${path} as YAML`, { cause });
  }
  if (!isJsonObject(parsed) || typeof parsed.openapi !== "string" || !parsed.openapi.startsWith("3.1.")) {
    throw new SpecLoadError(`${path} is not an OpenAPI 3.1 document (no "openapi: 3.1.x")`);
  }
  const missing = REQUIRED_SECTIONS.filter((section) => !isJsonObject(parsed[section]));
  if (missing.length > 0) {
    throw new SpecLoadError(`${path} lacks the section(s): ${missing.join(", ")}`);
  }
  return parsed as unknown as OpenApiDocument;
}
