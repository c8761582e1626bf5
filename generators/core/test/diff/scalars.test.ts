import { describe, expect, it } from "vitest";
import { PhpTypes } from "../../../php/src/emit/types";
import { Imports } from "../../../python/src/emit/imports";
import { ModelLocator, TypePrinter as PythonPrinter } from "../../../python/src/emit/type-printer";
import { ModelIndex } from "../../../ruby/src/emit/types";
import { newUsage, TypePrinter as TypeScriptPrinter } from "../../../typescript/src/emit/type-printer";
import type { PrimitiveType, Side, TypeRef } from "../../src/index";
import { LANGUAGES } from "./helpers";

/**
 * `diff` judges a format change by the types each language prints for the scalar (`exposure.scalar`). Those
 * tables must say what the real type printers print, for every scalar type, common format and side: a printer
 * that starts printing a format differently fails here until the table follows.
 */
const TYPES: PrimitiveType[] = ["string", "integer", "number", "boolean"];
const FORMATS = [
  undefined,
  "date-time",
  "date",
  "time",
  "duration",
  "uuid",
  "email",
  "uri",
  "binary",
  "byte",
  "password",
  "int32",
  "int64",
  "float",
  "double",
  "decimal",
];
const SIDES: Side[] = ["input", "output"];

// Scalars never reach the plan or the names, so the printers are built without them.
const none = {} as never;
const typescript = new TypeScriptPrinter(none, none, new Set());
const pythonPrinter = () => new PythonPrinter(new ModelLocator(none, none), ".", ".._runtime", new Imports());
const php = new PhpTypes(none, none);
const ruby = new ModelIndex([], "Embott::Models");

/** What each language's printer gives a scalar on a side, as the set `exposure.scalar` names. */
const PRINTED: Record<string, (ref: TypeRef, side: Side) => string[]> = {
  typescript: (ref, side) => typescript.print(ref, newUsage(), side).split(" | "),
  python: (ref, side) =>
    pythonPrinter()
      .print(ref, side === "input" ? "param" : "model")
      .replace(/^Union\[(.*)\]$/, "$1")
      .split(", "),
  php: (ref, side) => (side === "input" ? php.input(ref) : php.of(ref).doc).split("|"),
  ruby: (ref) => [ruby.yardType(ref as Parameters<ModelIndex["yardType"]>[0])],
};

const cases = TYPES.flatMap((type) =>
  FORMATS.flatMap((format) => SIDES.map((side) => ({ type, format, side }))),
);

describe("diff's scalar tables follow each language's type printer", () => {
  for (const language of LANGUAGES)
    it(`${language.language}: every scalar type × format × side`, () => {
      const print = PRINTED[language.language]!;
      const mismatches = cases
        .map(({ type, format, side }) => {
          const ref: TypeRef = format ? { kind: "primitive", type, format } : { kind: "primitive", type };
          const printed = print(ref, side).sort();
          const table = language.exposure.scalar(type, format, side).sort();
          return { case: `${type}(${format ?? ""}) ${side}`, printed, table };
        })
        .filter((entry) => entry.printed.join() !== entry.table.join());
      expect(mismatches).toEqual([]);
    });
});
