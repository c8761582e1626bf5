// Runs one neutral scenario through the TypeScript SDK against the HTTP mock; returns what did not hold.
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Embott } from "../../../src/index";
import { checkEvents, checkItems, checkMatch, substitute } from "./checks";
import { applySetup, checkRequests, control, loggedIdempotencyKeys, type Servers } from "./control";
import type {
  CallExpect,
  CallStep,
  ErrorExpect,
  JsonObject,
  Scenario,
  Step,
  WebhookDeliveryStep,
} from "./scenario";
import { REPO_ROOT } from "./scenario";
import { call, makeClient, type NeutralError, type Outcome, unwrapWebhook, verifyWebhook } from "./sdk";

const DEFAULT_KEY = "sk_live_admin_0001";

export async function runScenario(scenario: Scenario, servers: Servers): Promise<string[]> {
  await applySetup(servers, scenario);
  const settings = scenario.client ?? {};
  const client = makeClient({
    apiKey: settings.api_key ?? DEFAULT_KEY,
    baseUrl: `${settings.server === "canned" ? servers.cannedUrl : servers.mockUrl}/v1`,
    maxRetries: settings.max_retries,
    timeoutMs: settings.timeout_ms,
  });
  const saved: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [index, step] of scenario.steps.entries()) {
    const found = await runStep(step, client, servers, saved);
    problems.push(
      ...found.map((problem) => `step ${index + 1}${"call" in step ? ` (${step.call})` : ""}: ${problem}`),
    );
    if (found.length > 0) break;
  }
  return problems;
}

async function runStep(
  step: Step,
  client: Embott,
  servers: Servers,
  saved: Record<string, unknown>,
): Promise<string[]> {
  if ("call" in step) return runCall(step, client, servers, saved);
  if ("mock" in step) {
    const answer = await control(
      servers,
      step.mock.method,
      step.mock.path,
      substitute(step.mock.body, saved),
    );
    if (step.save) saved[step.save] = answer.body;
    const want = step.expect_status;
    return want !== undefined && answer.status !== want
      ? [`${step.mock.path} answered ${answer.status}, expected ${want}`]
      : [];
  }
  if ("requests" in step) return checkRequests(servers, step.requests);
  if ("sleep_ms" in step) {
    await sleep(step.sleep_ms);
    return [];
  }
  if ("webhook_vectors" in step) return runVectors(client, step.webhook_vectors, step.min_cases);
  return runDelivery(step, client, servers);
}

async function runCall(
  step: CallStep,
  client: Embott,
  servers: Servers,
  saved: Record<string, unknown>,
): Promise<string[]> {
  const args = (substitute(step.args ?? {}, saved) ?? {}) as JsonObject;
  const outcome = await call(client, step.call, args, step.mode ?? "plain");
  const problems = checkOutcome(outcome, step.expect);
  const keyOf = step.expect.requests?.[0]?.operation_id;
  if (outcome.kind === "error" && step.expect.error?.idempotency_key && keyOf) {
    const logged = await loggedIdempotencyKeys(servers, keyOf);
    const sent = outcome.error.idempotencyKey;
    if (typeof sent !== "string" || !logged.includes(sent))
      problems.push(
        `error idempotency key is ${JSON.stringify(sent)}; the mock received ${JSON.stringify(logged)}`,
      );
  }
  if (outcome.kind === "result" && step.save) saved[step.save] = outcome.value;
  if (step.expect.requests) problems.push(...(await checkRequests(servers, step.expect.requests)));
  return problems;
}

function checkOutcome(outcome: Outcome, expect: CallExpect): string[] {
  if (expect.error) {
    if (outcome.kind !== "error") return [`expected a ${expect.error.class} error, got a ${outcome.kind}`];
    return checkError(outcome.error, expect);
  }
  if (outcome.kind === "error") {
    const error = outcome.error;
    return [`unexpected ${error.sdkClass}: ${error.message}`];
  }
  const problems: string[] = [];
  if (outcome.kind === "result") {
    if (expect.result) problems.push(...checkMatch(outcome.value, expect.result, "result"));
    if (expect.request_id && !/^req_/.test(outcome.requestId ?? ""))
      problems.push(`result request id is ${JSON.stringify(outcome.requestId)}, expected req_…`);
    if (expect.rate_limit?.limit !== undefined) {
      const limit = Number(outcome.headers.get("x-ratelimit-limit"));
      if (limit !== expect.rate_limit.limit)
        problems.push(`rate limit ${limit}, expected ${expect.rate_limit.limit}`);
    }
  }
  if (outcome.kind === "page") {
    if (
      expect.page &&
      (outcome.items.length !== expect.page.count || outcome.hasNext !== expect.page.has_next)
    ) {
      problems.push(
        `page has ${outcome.items.length} items (next: ${outcome.hasNext}), expected ${expect.page.count} (next: ${expect.page.has_next})`,
      );
    }
    if (expect.items) problems.push(...checkItems(outcome.items, expect.items));
  }
  if (outcome.kind === "items" && expect.items) problems.push(...checkItems(outcome.items, expect.items));
  if (outcome.kind === "events" && expect.events)
    problems.push(...checkEvents(outcome.events, expect.events));
  return problems;
}

function checkError(error: NeutralError, expect: CallExpect): string[] {
  const want: ErrorExpect = expect.error!;
  const problems: string[] = [];
  const same = (label: string, actual: unknown, expected: unknown) => {
    if (expected !== undefined && actual !== expected)
      problems.push(`error ${label} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  same("class", error.class, want.class);
  same("status", error.status, want.status);
  same("type", error.type, want.type);
  same("code", error.code, want.code);
  same("param", error.param, want.param);
  same("retries", error.retries, want.retries);
  for (const text of want.message_contains ?? []) {
    if (!error.message.includes(text))
      problems.push(`error message does not name ${JSON.stringify(text)}: ${error.message}`);
  }
  for (const text of want.message_excludes ?? []) {
    if (error.message.includes(text)) problems.push(`error message contains ${JSON.stringify(text)}`);
  }
  if (want.request_id && !/^req_/.test(error.requestId ?? ""))
    problems.push(`error request id is ${JSON.stringify(error.requestId)}, expected req_…`);
  if (expect.rate_limit) {
    same("rate-limit limit", error.rateLimit?.limit, expect.rate_limit.limit);
    same("retry-after", error.rateLimit?.retryAfter, expect.rate_limit.retry_after);
  }
  return problems;
}

interface Vector {
  name: string;
  scheme: { header: string; scheme: string; encoding: string };
  secret: string;
  body_encoding: "utf8" | "base64";
  body: string;
  header: string | null;
  now: number;
  tolerance: number;
  expect: string;
}

/** Every vector of the spec's own scheme through client.webhooks.verify. */
async function runVectors(client: Embott, file: string, minCases: number): Promise<string[]> {
  const { cases: vectors } = JSON.parse(readFileSync(join(REPO_ROOT, file), "utf8")) as { cases: Vector[] };
  const own = vectors.filter(
    (vector) =>
      vector.scheme.header === "Embott-Signature" &&
      vector.scheme.scheme === "timestamped" &&
      vector.scheme.encoding === "hex",
  );
  const problems =
    own.length >= minCases
      ? []
      : [`${own.length} vectors of the spec's scheme, expected at least ${minCases}`];
  for (const vector of own) {
    const body = Buffer.from(vector.body, vector.body_encoding === "base64" ? "base64" : "utf8");
    const got = await verifyWebhook(client, body, vector.header, vector.secret, {
      now: vector.now,
      tolerance: vector.tolerance,
    });
    if (got !== vector.expect) problems.push(`vector ${vector.name}: got ${got}, expected ${vector.expect}`);
  }
  return problems;
}

interface Delivery {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Receives one delivery on 127.0.0.1:0, triggered through the mock, and verifies it with the SDK. */
async function runDelivery(step: WebhookDeliveryStep, client: Embott, servers: Servers): Promise<string[]> {
  const spec = step.webhook_delivery;
  let resolveDelivery: (delivery: Delivery) => void = () => {};
  const received = new Promise<Delivery>((resolve) => {
    resolveDelivery = resolve;
  });
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      response.writeHead(200).end();
      resolveDelivery({ headers: request.headers, body: Buffer.concat(chunks) });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = receiver.address() as AddressInfo;
    const subscription = await control(servers, "POST", "/__mock/webhooks", {
      url: `http://127.0.0.1:${port}/hook`,
      events: spec.events,
    });
    const { id, secret } = subscription.body as { id: string; secret: string };
    const secrets = [secret];
    if (spec.rotate_secret) {
      const rotated = await control(servers, "POST", `/__mock/webhooks/${id}/rotate-secret`, {});
      secrets.unshift((rotated.body as { secret: string }).secret);
    }
    await control(servers, "POST", "/__mock/events", spec.trigger);
    const delivery = await Promise.race([
      received,
      sleep(5000).then(() => {
        throw new Error("no delivery reached the local receiver within 5 s");
      }),
    ]);
    const headers = Object.fromEntries(
      Object.entries(delivery.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(",") : (value ?? ""),
      ]),
    );
    const problems: string[] = [];
    const signature = headers["embott-signature"] ?? "";
    const entries = signature.split(",").filter((part) => part.trim().startsWith("v1=")).length;
    if (entries !== secrets.length)
      problems.push(`the delivery carries ${entries} v1= entries, expected ${secrets.length}`);
    for (const each of secrets) {
      const verdict = await verifyWebhook(client, delivery.body, signature, each);
      if (verdict !== "valid")
        problems.push(`the delivery does not verify with ${each.slice(0, 10)}…: ${verdict}`);
      const event = (await unwrapWebhook(client, delivery.body, headers, each)) as { type?: string };
      if (event.type !== spec.expect_type)
        problems.push(`unwrapped event type ${event.type}, expected ${spec.expect_type}`);
    }
    const tampered = Buffer.concat([delivery.body, Buffer.from(" ")]);
    const verdict = await verifyWebhook(client, tampered, signature, secrets[0]!);
    if (verdict !== "signature_mismatch")
      problems.push(`a tampered body gave ${verdict}, expected signature_mismatch`);
    return problems;
  } finally {
    receiver.close();
    receiver.closeAllConnections();
  }
}
