import { describe, expect, it } from "vitest";
import { InvalidParameterError } from "../src/core/error";
import { encodeBody } from "../src/internal/body";
import { buildRequest, type RequestTemplate } from "../src/internal/params";
import { buildURL } from "../src/internal/query";

const listConversations: RequestTemplate = {
  call: "client.conversations.list",
  method: "get",
  path: "/conversations",
  params: { botId: { in: "query", name: "bot_id" }, limit: { in: "query", name: "limit" } },
};

const createBot: RequestTemplate = {
  call: "client.bots.create",
  method: "post",
  path: "/bots",
  params: {
    name: { in: "body", name: "name", required: true },
    welcomeMessage: { in: "body", name: "welcome_message" },
  },
  body: { encoding: "json", mediaType: "application/json" },
};

const getBot: RequestTemplate = {
  call: "client.bots.get",
  method: "get",
  path: "/bots/{bot_id}",
  params: { botId: { in: "path", name: "bot_id", required: true } },
};

function thrown(action: () => unknown): InvalidParameterError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParameterError);
    return error as InvalidParameterError;
  }
  throw new Error("expected an InvalidParameterError");
}

describe("buildRequest never drops a parameter silently", () => {
  it("names the JS key when a wire name is passed", () => {
    const error = thrown(() => buildRequest({ bot_id: "bot_1" }, listConversations));
    expect(error.param).toBe("bot_id");
    expect(error.message).toBe(
      'Unknown parameter "bot_id" for client.conversations.list(): use "botId" (the API\'s "bot_id").',
    );
  });

  it("lists the accepted keys for an unknown one and suggests the likely typo", () => {
    const error = thrown(() => buildRequest({ name: "Ada", welcomMessage: "Hi" }, createBot));
    expect(error.message).toBe(
      'Unknown parameter "welcomMessage" for client.bots.create(); accepted: name, welcomeMessage. Did you mean "welcomeMessage"?',
    );
  });

  it("names a missing required parameter by its JS name", () => {
    expect(thrown(() => buildRequest({}, getBot)).message).toBe(
      'Missing required parameter "botId" for client.bots.get().',
    );
  });

  it("tells a caller who passed a bare id to pass an object", () => {
    expect(thrown(() => buildRequest("bot_1", getBot)).message).toBe(
      'client.bots.get() takes an object of named parameters: pass { botId: "bot_1" }, not a string.',
    );
  });

  it("ignores keys set to undefined and sends unknown keys of a body that allows more", () => {
    expect(buildRequest({ botId: "b", extra: undefined }, getBot).path).toBe("/bots/b");
    const open = {
      ...createBot,
      body: { encoding: "json", mediaType: "application/json", extra: true },
    } as const;
    const spec = buildRequest({ name: "Ada", nickname: "A" }, open);
    expect(encodeBody(spec.body).body).toBe('{"name":"Ada","nickname":"A"}');
    expect(thrown(() => buildRequest({ name: "Ada", welcome_message: "x" }, open)).message).toContain(
      'use "welcomeMessage"',
    );
  });
});

describe("buildRequest puts values where the template says", () => {
  it("encodes path, styled query, headers, cookies and the body under wire names", () => {
    const template: RequestTemplate = {
      call: "client.things.update",
      method: "patch",
      path: "/things/{thing_id}",
      params: {
        thingId: { in: "path", name: "thing_id", required: true },
        ids: { in: "query", name: "ids", style: "pipeDelimited", explode: false },
        trace: { in: "header", name: "X-Trace" },
        session: { in: "cookie", name: "session" },
        title: { in: "body", name: "title" },
      },
      body: { encoding: "json", mediaType: "application/merge-patch+json" },
      streamFlag: { name: "stream", value: false },
    };
    const spec = buildRequest(
      { thingId: "a.b/c", ids: ["x", "y"], trace: 7, session: "s 1", title: null },
      template,
    );
    expect(spec.path).toBe("/things/a.b%2Fc");
    expect(buildURL("https://x.test/v1", spec.path, spec.query ?? {})).toBe(
      "https://x.test/v1/things/a.b%2Fc?ids=x|y",
    );
    expect(spec.headers).toEqual({ "X-Trace": "7", Cookie: "session=s%201" });
    expect(encodeBody(spec.body)).toEqual({
      body: '{"title":null,"stream":false}',
      contentType: "application/merge-patch+json",
    });
  });

  it("sends a whole text body with its media type, and no body for a method without one", () => {
    const text: RequestTemplate = {
      call: "client.notes.create",
      method: "post",
      path: "/notes",
      params: { body: { in: "body", name: "body", required: true } },
      body: { encoding: "text", mediaType: "text/plain", whole: "body" },
    };
    expect(encodeBody(buildRequest({ body: "héllo" }, text).body)).toEqual({
      body: "héllo",
      contentType: "text/plain",
    });
    expect(buildRequest({ limit: 5 }, listConversations).body).toBeUndefined();
  });

  it("sends a Date as YYYY-MM-DD for a format: date param and as ISO 8601 otherwise", () => {
    const template: RequestTemplate = {
      call: "client.analytics.overview",
      method: "get",
      path: "/analytics",
      params: {
        startDate: { in: "query", name: "start_date", format: "date" },
        after: { in: "query", name: "after" },
      },
    };
    const at = new Date("2026-03-04T05:06:07.000Z");
    const spec = buildRequest({ startDate: at, after: at }, template);
    expect(buildURL("https://x.test", spec.path, spec.query ?? {})).toBe(
      "https://x.test/analytics?start_date=2026-03-04&after=2026-03-04T05%3A06%3A07.000Z",
    );
  });
});
