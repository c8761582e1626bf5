import { resolveIdentifiers, splitWords } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { rubyNaming as naming } from "../../src/naming";

describe("Ruby naming", () => {
  it("follows the Ruby style guide casing", () => {
    const words = splitWords("sendMessage");
    expect(
      ["type", "method", "property", "parameter", "constant", "file"].map((kind) =>
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

  it("escapes keywords and methods every object already has", () => {
    expect(["class", "send", "hash", "end"].map((word) => naming.identifier([word], "method"))).toEqual([
      "class_",
      "send_",
      "hash_",
      "end_",
    ]);
    expect(
      ["list", "print", "function", "default"].map((word) => naming.identifier([word], "method")),
    ).toEqual(["list", "print", "function", "default"]);
    expect(["class", "def", "list"].map((word) => naming.identifier([word], "parameter"))).toEqual([
      "class_",
      "def_",
      "list",
    ]);
    expect(["string", "hash", "bot"].map((word) => naming.identifier([word], "type"))).toEqual([
      "String_",
      "Hash_",
      "Bot",
    ]);
  });

  it("keeps constants upper-case when a name starts with a digit", () => {
    expect(naming.identifier(splitWords("2fa"), "type")).toBe("V2fa");
    expect(naming.identifier(splitWords("2fa"), "constant")).toBe("V2FA");
    expect(naming.identifier(splitWords("2fa"), "method")).toBe("_2fa");
    expect(naming.identifier(splitWords("/users?beta=true"), "method")).toBe("users_beta_true");
  });

  it("resolves two operations that map to the same method name", () => {
    const names = resolveIdentifiers(naming, "method", [
      { key: "a", words: ["list"] },
      { key: "b", words: ["list"] },
      { key: "c", words: ["list", "2"] },
    ]);
    expect([...names.values()]).toEqual(["list", "list_2", "list_2_2"]);
  });
});
