import { createNaming, type LanguageNaming } from "@embott/codegen-core";
import {
  TYPESCRIPT_KEYWORDS,
  TYPESCRIPT_MODEL_RESERVED_TYPES,
  TYPESCRIPT_RESERVED_MEMBERS,
  TYPESCRIPT_RESERVED_TYPES,
} from "./reserved-words";

const CASING = {
  type: "pascal",
  resource: "camel",
  method: "camel",
  property: "camel",
  parameter: "camel",
  enumMember: "pascal",
  constant: "screamingSnake",
  file: "kebab",
} as const;

/**
 * TypeScript identifiers: PascalCase types, camelCase members and parameters, SCREAMING_SNAKE constants,
 * kebab-case files. Keywords are escaped with a trailing `_` where they would be bindings (parameters);
 * object properties may be keywords in TypeScript, so they are left alone.
 */
export const typescriptNaming: LanguageNaming = createNaming({
  language: "typescript",
  casing: CASING,
  reserved: {
    type: TYPESCRIPT_RESERVED_TYPES,
    resource: TYPESCRIPT_RESERVED_MEMBERS,
    method: TYPESCRIPT_RESERVED_MEMBERS,
    parameter: TYPESCRIPT_KEYWORDS,
  },
});

/**
 * Model type names live in their own module (`types.gen.ts`, imported as the `Types` namespace), so they only
 * step aside from the globals that module itself uses (`Blob`, `File`…): a schema called `Error` stays `Error`.
 */
export const typescriptModelNaming: LanguageNaming = createNaming({
  language: "typescript",
  casing: CASING,
  reserved: { type: TYPESCRIPT_MODEL_RESERVED_TYPES },
});
