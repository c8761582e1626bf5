import { describe, expect, it } from "vitest";
import {
  applyCasing,
  createNaming,
  NameScope,
  resolveIdentifiers,
  singular,
  splitWords,
} from "../../src/index";

describe("splitWords", () => {
  it.each([
    ["sendMessage", ["send", "message"]],
    ["HTTPServerError", ["http", "server", "error"]],
    ["per_page", ["per", "page"]],
    ["X-Request-Id", ["x", "request", "id"]],
    ["message.created", ["message", "created"]],
    ["/users?beta=true", ["users", "beta", "true"]],
    ["2fa-code", ["2fa", "code"]],
    ["sha256Hash", ["sha256", "hash"]],
    ["Café au lait", ["cafe", "au", "lait"]],
    ["$$$", []],
  ])("%s → %j", (raw, words) => expect(splitWords(raw)).toEqual(words));

  it("singularises for resource matching", () => {
    expect(["bots", "categories", "boxes", "status", "news"].map(singular)).toEqual([
      "bot",
      "category",
      "box",
      "status",
      "new",
    ]);
  });
});

describe("casing and collisions", () => {
  it("applies every casing", () => {
    const words = ["get", "bot", "v2"];
    expect(
      ["camel", "pascal", "snake", "screamingSnake", "kebab"].map((c) => applyCasing(words, c as never)),
    ).toEqual(["getBotV2", "GetBotV2", "get_bot_v2", "GET_BOT_V2", "get-bot-v2"]);
  });

  it("NameScope numbers repeats, optionally ignoring case", () => {
    const scope = new NameScope(true);
    expect([scope.claim("Bot"), scope.claim("bot"), scope.claim("BOT")]).toEqual(["Bot", "bot2", "BOT3"]);
  });

  it("resolveIdentifiers re-cases the collision number per language", () => {
    const naming = createNaming({
      language: "demo",
      casing: {
        type: "pascal",
        resource: "snake",
        method: "snake",
        property: "snake",
        parameter: "snake",
        enumMember: "screamingSnake",
        constant: "screamingSnake",
        file: "snake",
      },
      reserved: { method: new Set(["class"]) },
    });
    const names = resolveIdentifiers(naming, "method", [
      { key: "a", words: ["get", "user"] },
      { key: "b", words: ["get", "user"] },
      { key: "c", words: ["class"] },
      { key: "d", words: [] },
    ]);
    expect([...names.values()]).toEqual(["get_user", "get_user_2", "class_", "unnamed"]);
  });
});
