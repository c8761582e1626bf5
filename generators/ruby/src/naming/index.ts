import { createNaming, type LanguageNaming, type NameKind } from "@embott/codegen-core";
import { RUBY_KEYWORDS, RUBY_RESERVED_CONSTANTS, RUBY_RESERVED_METHODS } from "./reserved-words";

const CONSTANT_KINDS = new Set<NameKind>(["type", "enumMember", "constant"]);

/**
 * Ruby style guide identifiers: PascalCase classes and modules, snake_case methods, attributes, keyword
 * arguments and files, SCREAMING_SNAKE constants. Reserved names get a trailing `_`; a leading digit gets `V`
 * on constants (which must start upper-case) and `_` elsewhere.
 */
export const rubyNaming: LanguageNaming = createNaming({
  language: "ruby",
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
  reserved: {
    type: RUBY_RESERVED_CONSTANTS,
    resource: RUBY_RESERVED_METHODS,
    method: RUBY_RESERVED_METHODS,
    property: RUBY_RESERVED_METHODS,
    parameter: RUBY_KEYWORDS,
  },
  escapeLeadingDigit: (identifier: string, kind: NameKind) =>
    CONSTANT_KINDS.has(kind) ? `V${identifier}` : `_${identifier}`,
});
