// The neutral scenario format of testdata/conformance (schema: testdata/conformance/scenario.schema.json).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));
export const CONFORMANCE_DIR = join(REPO_ROOT, "testdata", "conformance");

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Match {
  equals?: Record<string, Json>;
  matches?: Record<string, string>;
  present?: string[];
  length?: Record<string, number>;
}

export type ErrorClass =
  | "bad_request"
  | "authentication"
  | "permission_denied"
  | "not_found"
  | "conflict"
  | "unprocessable_entity"
  | "rate_limit"
  | "internal_server"
  | "connection"
  | "timeout";

export interface ErrorExpect {
  class: ErrorClass;
  status?: number;
  type?: string;
  code?: string;
  param?: string;
  message_contains?: string[];
  message_excludes?: string[];
  retries?: number;
  request_id?: true;
  idempotency_key?: true;
}

export interface RequestsExpect {
  operation_id: string;
  count: number;
  idempotency_keys?: number;
}

export interface CallExpect {
  result?: Match;
  request_id?: true;
  rate_limit?: { limit?: number; retry_after?: number };
  error?: ErrorExpect;
  page?: { count: number; has_next: boolean };
  items?: {
    count?: number;
    unique?: string;
    all?: JsonObject;
    where?: { match: JsonObject; count: number }[];
  };
  events?: {
    first: string;
    last: string;
    middle?: string;
    count_min?: number;
    text?: { field: string; equals_path: string };
    final?: Match;
  };
  requests?: RequestsExpect[];
}

export type CallMode = "plain" | "page" | "paginate" | "stream";

export interface CallStep {
  call: string;
  args?: JsonObject;
  mode?: CallMode;
  save?: string;
  expect: CallExpect;
}

export interface MockStep {
  mock: { method: "GET" | "POST" | "DELETE"; path: string; body?: JsonObject };
  save?: string;
  expect_status?: number;
}

export interface WebhookDeliveryStep {
  webhook_delivery: {
    events: string[];
    trigger: { type: string; data?: JsonObject };
    expect_type: string;
    rotate_secret?: boolean;
  };
}

export type Step =
  | CallStep
  | MockStep
  | { requests: RequestsExpect[] }
  | { sleep_ms: number }
  | { webhook_vectors: string; min_cases: number }
  | WebhookDeliveryStep;

export interface Scenario {
  id: string;
  title: string;
  setup?: {
    config?: JsonObject;
    keys?: { key: string; scopes: string[] }[];
    faults?: JsonObject[];
    canned?: { status: number; headers?: Record<string, string>; body: Json };
  };
  client?: { api_key?: string; max_retries?: number; timeout_ms?: number; server?: "mock" | "canned" };
  steps: Step[];
}

/** Every scenario file, sorted by id; each is validated against the JSON Schema and its id against its name. */
export function loadScenarios(): Scenario[] {
  const require = createRequire(join(REPO_ROOT, "packages", "mock", "package.json"));
  const Ajv2020 = require("ajv/dist/2020").default as new (
    options: object,
  ) => {
    compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown[] | null };
  };
  const schema = JSON.parse(readFileSync(join(CONFORMANCE_DIR, "scenario.schema.json"), "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const dir = join(CONFORMANCE_DIR, "scenarios");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const scenario = JSON.parse(readFileSync(join(dir, file), "utf8")) as Scenario;
      if (!validate(scenario)) {
        throw new Error(`${file} does not match scenario.schema.json: ${JSON.stringify(validate.errors)}`);
      }
      if (scenario.id !== basename(file, ".json"))
        throw new Error(`${file}: id "${scenario.id}" ≠ file name`);
      return scenario;
    });
}
