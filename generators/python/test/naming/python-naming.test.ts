import { resolveIdentifiers, splitWords } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { pythonNaming as naming } from "../../src/naming";

describe("Python naming", () => {
  it("follows PEP 8 casing", () => {
    const words = splitWords("sendMessage");
    expect(
      ["type", "method", "property", "parameter", "enumMember", "file"].map((kind) =>
        naming.identifier(words, kind as never),
      ),
    ).toEqual([
      "SendMessage",
      "send_message",
      "send_message",
      "send_message",
      "SEND_MESSAGE",
      "send_message",
    ]);
  });

  it("escapes keywords with a trailing underscore but keeps builtins usable as methods", () => {
    expect(["class", "from", "def"].map((word) => naming.identifier([word], "parameter"))).toEqual([
      "class_",
      "from_",
      "def_",
    ]);
    expect(naming.identifier(["self"], "parameter")).toBe("self_");
    expect(
      ["list", "print", "function", "default"].map((word) => naming.identifier([word], "method")),
    ).toEqual(["list", "print", "function", "default"]);
    expect(["none", "list", "any"].map((word) => naming.identifier([word], "type"))).toEqual([
      "None_",
      "List_",
      "Any_",
    ]);
  });

  it("makes names that are not identifiers valid", () => {
    expect(naming.identifier(splitWords("/users?beta=true"), "method")).toBe("users_beta_true");
    expect(naming.identifier(splitWords("2fa"), "property")).toBe("_2fa");
    expect(naming.identifier(splitWords("2fa"), "enumMember")).toBe("VALUE_2FA");
    expect(naming.identifier(splitWords("message.created"), "type")).toBe("MessageCreated");
  });

  it("resolves collisions after casing (getUser and get_user are the same in Python)", () => {
    const names = resolveIdentifiers(naming, "method", [
      { key: "a", words: splitWords("getUser") },
      { key: "b", words: splitWords("get_user") },
    ]);
    expect([...names.values()]).toEqual(["get_user", "get_user_2"]);
  });
});
