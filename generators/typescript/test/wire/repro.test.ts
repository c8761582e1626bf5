import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPRO_DIR } from "../../../../testdata/corpus";
import { emitSpec } from "../emit/support";
import { startScriptedServer } from "./repro-server";

// Each testdata/repro spec (see its README) generated into a TypeScript SDK, called over a local server that
// records the requests and answers scripted pages/streams: the requests and the iteration are what is asserted.

type Method = (params?: unknown, options?: unknown) => Promise<unknown> & AsyncIterable<unknown>;
type Client = Record<string, Record<string, Method>>;

let server: Awaited<ReturnType<typeof startScriptedServer>>;
const roots: string[] = [];

beforeAll(async () => {
  server = await startScriptedServer();
});

afterAll(async () => {
  await server?.close();
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** Generates the repro spec's SDK into a temp dir and returns a client pointed at the scripted server. */
async function clientFor(spec: string, className: string, options: object = {}): Promise<Client> {
  const emitted = await emitSpec(isAbsolute(spec) ? spec : join(REPRO_DIR, spec));
  const root = await mkdtemp(join(tmpdir(), "embott-repro-"));
  roots.push(root);
  for (const [path, contents] of emitted.files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  const module = (await import(join(root, "src/index.ts"))) as Record<
    string,
    new (
      options: object,
    ) => Client
  >;
  return new module[className]!({ baseURL: `${server.url}/v1`, maxRetries: 0, ...options });
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const query = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

describe("repro pagination.yaml: the iterator follows each shape and stops where it must", () => {
  let client: Client;
  beforeAll(async () => {
    client = await clientFor("pagination.yaml", "Repro");
  }, 120_000);

  it("Stripe: starting_after = the last item's id; has_more: false stops; every item once", async () => {
    const ids = ["a", "b", "c", "d", "e"];
    server.script((request) => {
      const after = query(request.url)["starting_after"];
      const start = after === undefined ? 0 : ids.indexOf(after) + 1;
      const data = ids.slice(start, start + 2).map((id) => ({ id }));
      return { object: "list", data, has_more: start + data.length < ids.length };
    });
    expect(await collect(client.things!.listStripeLike!({ limit: 2 }))).toEqual(ids.map((id) => ({ id })));
    expect(server.seen.map((request) => request.url)).toEqual([
      "/v1/stripe_like?limit=2",
      "/v1/stripe_like?limit=2&starting_after=b",
      "/v1/stripe_like?limit=2&starting_after=d",
    ]);
  });

  it("OpenAI: after = last_id until has_more is false", async () => {
    server.script((request) =>
      query(request.url)["after"] === undefined
        ? { data: [{ id: "a" }, { id: "b" }], last_id: "b", has_more: true }
        : { data: [{ id: "c" }], last_id: "c", has_more: false },
    );
    expect(await collect(client.things!.listOpenaiLike!({ limit: 2 }))).toEqual([
      { id: "a" },
      { id: "b" },
      { id: "c" },
    ]);
    expect(server.seen.map((request) => request.url)).toEqual([
      "/v1/openai_like?limit=2",
      "/v1/openai_like?limit=2&after=b",
    ]);
  });

  it("a next cursor typed anyOf [string, null] stops at null", async () => {
    server.script((request) =>
      query(request.url)["after"] === undefined
        ? { data: [{ id: "a" }], has_more: true, next: "cur_2" }
        : { data: [{ id: "b" }], has_more: true, next: null },
    );
    expect(await collect(client.things!.listNullableNext!())).toEqual([{ id: "a" }, { id: "b" }]);
    expect(server.seen.map((request) => request.url)).toEqual([
      "/v1/nullable_next",
      "/v1/nullable_next?after=cur_2",
    ]);
  });

  it("an allOf envelope pages over result (never errors) up to result_info.total_pages", async () => {
    server.script((request) => {
      const page = Number(query(request.url)["page"] ?? 1);
      return {
        success: true,
        errors: [{ code: 1000 + page }],
        messages: [],
        result: [{ id: `item${page}` }],
        result_info: { page, total_pages: 2 },
      };
    });
    expect(await collect(client.things!.listEnvelope!({ perPage: 1 }))).toEqual([
      { id: "item1" },
      { id: "item2" },
    ]);
    expect(server.seen.map((request) => request.url)).toEqual([
      "/v1/envelope?per_page=1",
      "/v1/envelope?per_page=1&page=2",
    ]);
  });

  it("a string page token from next_page is sent back verbatim; has_more: false stops", async () => {
    server.script((request) =>
      query(request.url)["page"] === undefined
        ? { data: [{ id: "a" }], has_more: true, next_page: "tok_XYZ==" }
        : { data: [{ id: "b" }], has_more: false, next_page: "tok_never_followed" },
    );
    expect(await collect(client.things!.search!({ query: "shoes" }))).toEqual([{ id: "a" }, { id: "b" }]);
    expect(server.seen.map((request) => request.url)).toEqual([
      "/v1/search?query=shoes",
      "/v1/search?query=shoes&page=tok_XYZ%3D%3D",
    ]);
  });
});

describe("repro streaming.yaml: a plain method and a stream twin from content negotiation", () => {
  let client: Client;
  beforeAll(async () => {
    client = await clientFor("streaming.yaml", "Repro");
  }, 120_000);

  it("the plain method sends stream: false and returns JSON; the twin sends stream: true and yields events", async () => {
    server.script((request) =>
      JSON.parse(request.body).stream
        ? {
            contentType: "text/event-stream",
            raw: 'data: {"id":"c1","delta":"Hel"}\n\ndata: {"id":"c1","delta":"lo"}\n\n',
          }
        : { id: "c1" },
    );
    expect(await client.chat!.createChatCompletion!({ model: "m" })).toEqual({ id: "c1" });
    const events = await collect(
      (await client.chat!.createChatCompletionStream!({ model: "m" })) as AsyncIterable<unknown>,
    );
    expect(events).toEqual([
      { id: "c1", delta: "Hel" },
      { id: "c1", delta: "lo" },
    ]);
    expect(server.seen.map((request) => JSON.parse(request.body))).toEqual([
      { model: "m", stream: false },
      { model: "m", stream: true },
    ]);
  });

  it("binary audio stays the plain method's bytes; the twin sets stream_format: sse", async () => {
    server.script((request) =>
      JSON.parse(request.body).stream_format === "sse"
        ? { contentType: "text/event-stream", raw: 'data: {"type":"speech.audio.done"}\n\n' }
        : { contentType: "application/octet-stream", raw: Buffer.from([0x49, 0x44, 0x33, 0x04]) },
    );
    const audio = await client.audio!.createSpeech!({ input: "hi" });
    const bytes = audio instanceof Response ? new Uint8Array(await audio.arrayBuffer()) : audio;
    expect(Buffer.from(bytes as Uint8Array)).toEqual(Buffer.from([0x49, 0x44, 0x33, 0x04]));
    const events = await collect(
      (await client.audio!.createSpeechStream!({ input: "hi" })) as AsyncIterable<unknown>,
    );
    expect(events).toEqual([{ type: "speech.audio.done" }]);
    expect(server.seen.map((request) => JSON.parse(request.body))).toEqual([
      { input: "hi" },
      { input: "hi", stream_format: "sse" },
    ]);
  });
});

describe("repro naming.yaml: methods named as a person would, on the right routes", () => {
  it("list/get/create per resource, resource stripped, no …2", async () => {
    const client = await clientFor("naming.yaml", "Repro");
    server.script(() => ({}));
    await client.bookings!.list!();
    await client.bookings!.get!({ id: "bk_1" });
    await client.customers!.list!();
    await client.customers!.create!();
    await client.customers!.get!({ customer: "cus_1" });
    await client.issues!.listLabelsOnIssue!({ owner: "o", repo: "r", n: 7 });
    expect(server.seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      "GET /v1/bookings",
      "GET /v1/bookings/bk_1",
      "GET /v1/v1/customers",
      "POST /v1/v1/customers",
      "GET /v1/v1/customers/cus_1",
      "GET /v1/repos/o/r/issues/7/labels",
    ]);
  }, 120_000);
});

describe("repro typing-auth.yaml, validate31.yaml and xref.yaml generate working SDKs", () => {
  it("a path parameter typed {} is serialised into the path", async () => {
    const client = await clientFor("typing-auth.yaml", "Repro", { apiKey: "k" });
    server.script(() => ({ ok: true }));
    await client.accounts!.get!({ accountId: "acc 1/2" });
    expect(server.seen.map((request) => request.url)).toEqual(["/v1/accounts/acc%201%2F2"]);
  }, 120_000);

  it("validate31.yaml (3.1 leftovers) returns the parsed body", async () => {
    const client = await clientFor("validate31.yaml", "Repro");
    server.script(() => ({ name: null, model: "m" }));
    expect(await client.x!.get!()).toEqual({ name: null, model: "m" });
  }, 120_000);

  it("xref.yaml (unreadable $ref in an extension) generates without writing a log file into the cwd", async () => {
    const before = readdirSync(process.cwd());
    const client = await clientFor("xref.yaml", "Repro");
    server.script(() => ({}));
    await client.x!.get!();
    expect(server.seen.map((request) => `${request.method} ${request.url}`)).toEqual(["GET /v1/x"]);
    expect(readdirSync(process.cwd()).filter((name) => !before.includes(name))).toEqual([]);
    expect(existsSync(join(process.cwd(), "openapi-ts-error.log"))).toBe(false);
  }, 120_000);
});

describe("auth alternatives: the first alternative the client has every credential for is sent", () => {
  type Construct = (options: object) => Promise<Client>;
  const typingAuth: Construct = (options) => clientFor("typing-auth.yaml", "Repro", options);
  const authHeaders = () =>
    server.seen.map((request) => ({
      email: request.headers["x-auth-email"],
      key: request.headers["x-auth-key"],
      authorization: request.headers.authorization,
      url: request.url,
    }));

  it("typing-auth.yaml: X-Auth-Email + X-Auth-Key are two options sent together; else the bearer token", async () => {
    server.script(() => ({ ok: true }));
    const pair = await typingAuth({ authEmail: "me@example.com", authKey: "key_1" });
    await pair.accounts!.get!({ accountId: "a" });
    const token = await typingAuth({ apiKey: "tok_1" });
    await token.accounts!.get!({ accountId: "a" });
    // Both alternatives satisfied: the first (email + key) wins, the token is not sent.
    const both = await typingAuth({ authEmail: "me@example.com", authKey: "key_1", apiKey: "tok_1" });
    await both.accounts!.get!({ accountId: "a" });
    expect(authHeaders()).toEqual([
      { email: "me@example.com", key: "key_1", authorization: undefined, url: "/v1/accounts/a" },
      { email: undefined, key: undefined, authorization: "Bearer tok_1", url: "/v1/accounts/a" },
      { email: "me@example.com", key: "key_1", authorization: undefined, url: "/v1/accounts/a" },
    ]);
  }, 120_000);

  it("typing-auth.yaml: half an alternative is no credential, and construction says what to pass", async () => {
    await expect(typingAuth({ authEmail: "me@example.com" })).rejects.toThrow(
      "Missing credentials: pass { authEmail, authKey } or { apiKey } to new Repro() (or set REPRO_AUTH_EMAIL, REPRO_AUTH_KEY, REPRO_API_KEY).",
    );
  }, 120_000);

  it("an operation's security overrides the root; security: [] sends nothing", async () => {
    const fixture = join(REPRO_DIR, "security-overrides.yaml");
    const client = await clientFor(fixture, "Repro", { apiKey: "tok_1", partnerKey: "pk_1" });
    server.script(() => ({ ok: true }));
    await client.zones!.list!();
    await client.health!.get!();
    await client.partner!.listPartnerReports!();
    expect(authHeaders()).toEqual([
      { email: undefined, key: undefined, authorization: "Bearer tok_1", url: "/v1/zones" },
      { email: undefined, key: undefined, authorization: undefined, url: "/v1/health" },
      {
        email: undefined,
        key: undefined,
        authorization: undefined,
        url: "/v1/partner/reports?partner_key=pk_1",
      },
    ]);
    const tokenOnly = await clientFor(fixture, "Repro", { apiKey: "tok_1" });
    await expect(tokenOnly.partner!.listPartnerReports!()).rejects.toThrow(
      "GET /partner/reports needs credentials: pass { partnerKey } to new Repro().",
    );
  }, 120_000);
});
