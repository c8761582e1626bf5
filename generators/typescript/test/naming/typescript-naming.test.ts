import { resolveIdentifiers, splitWords } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { typescriptNaming as naming } from "../../src/naming";

describe("TypeScript naming", () => {
  it("cases each kind of name", () => {
    const words = splitWords("send_message");
    expect(
      ["type", "method", "property", "enumMember", "constant", "file"].map((kind) =>
        naming.identifier(words, kind as never),
      ),
    ).toEqual(["SendMessage", "sendMessage", "sendMessage", "SendMessage", "SEND_MESSAGE", "send-message"]);
  });

  it("escapes keywords where they would be bindings, and global type names", () => {
    expect(
      ["class", "function", "default", "delete"].map((word) => naming.identifier([word], "parameter")),
    ).toEqual(["class_", "function_", "default_", "delete_"]);
    expect(["list", "print", "delete"].map((word) => naming.identifier([word], "method"))).toEqual([
      "list",
      "print",
      "delete",
    ]);
    expect(["function", "promise", "default"].map((word) => naming.identifier([word], "type"))).toEqual([
      "Function_",
      "Promise_",
      "Default",
    ]);
    expect(naming.identifier(["constructor"], "method")).toBe("constructor_");
  });

  it("never names a resource or method `then` (the client would become thenable)", () => {
    expect(naming.identifier(["then"], "method")).toBe("then_");
    expect(naming.identifier(["then"], "resource")).toBe("then_");
  });

  it("makes names that are not identifiers valid", () => {
    expect(naming.identifier(splitWords("/users?beta=true"), "method")).toBe("usersBetaTrue");
    expect(naming.identifier(splitWords("2fa.code"), "property")).toBe("_2faCode");
    expect(naming.identifier(splitWords("x-rate-limit"), "parameter")).toBe("xRateLimit");
  });

  it("resolves two operations that map to the same method name", () => {
    const names = resolveIdentifiers(naming, "method", [
      { key: "a", words: splitWords("get_user") },
      { key: "b", words: splitWords("getUser") },
    ]);
    expect([...names.values()]).toEqual(["getUser", "getUser2"]);
  });
});
