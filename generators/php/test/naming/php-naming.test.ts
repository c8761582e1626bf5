import { resolveIdentifiers, splitWords } from "@embott/codegen-core";
import { describe, expect, it } from "vitest";
import { phpNaming as naming } from "../../src/naming";

describe("PHP naming", () => {
  it("follows PSR casing", () => {
    const words = splitWords("send_message");
    expect(
      ["type", "method", "property", "constant", "enumMember", "file"].map((kind) =>
        naming.identifier(words, kind as never),
      ),
    ).toEqual(["SendMessage", "sendMessage", "sendMessage", "SEND_MESSAGE", "SendMessage", "SendMessage"]);
  });

  it("escapes reserved class names case-insensitively, but allows keywords as methods", () => {
    expect(
      ["list", "class", "function", "default", "print", "string"].map((word) =>
        naming.identifier([word], "type"),
      ),
    ).toEqual(["List_", "Class_", "Function_", "Default_", "Print_", "String_"]);
    expect(["list", "print", "default"].map((word) => naming.identifier([word], "method"))).toEqual([
      "list",
      "print",
      "default",
    ]);
    expect(naming.identifier(["this"], "parameter")).toBe("this_");
    expect(naming.identifier(["class"], "constant")).toBe("CLASS_");
  });

  it("makes names that are not identifiers valid", () => {
    expect(naming.identifier(splitWords("/users?beta=true"), "method")).toBe("usersBetaTrue");
    expect(naming.identifier(splitWords("3d-secure"), "type")).toBe("_3dSecure");
  });

  it("treats names differing only in case as a collision", () => {
    const names = resolveIdentifiers(naming, "type", [
      { key: "a", words: ["bot", "id"] },
      { key: "b", words: ["botid"] },
    ]);
    expect([...names.values()]).toEqual(["BotId", "Botid2"]);
  });
});
