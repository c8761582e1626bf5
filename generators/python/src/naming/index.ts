import { createNaming, type LanguageNaming, type NameKind } from "@embott/codegen-core";
import { PYTHON_KEYWORDS, PYTHON_RESERVED_PARAMETERS, PYTHON_RESERVED_TYPES } from "./reserved-words";

/**
 * PEP 8 identifiers: PascalCase classes, snake_case functions, attributes and modules, UPPER_SNAKE enum members
 * and constants. Keywords get a trailing underscore (`class_`, PEP 8's advice); names starting with a digit get
 * a leading `_` (or `VALUE_` for enum members, which must not look private).
 */
export const pythonNaming: LanguageNaming = createNaming({
  language: "python",
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
    type: PYTHON_RESERVED_TYPES,
    resource: PYTHON_KEYWORDS,
    method: PYTHON_KEYWORDS,
    property: PYTHON_KEYWORDS,
    parameter: PYTHON_RESERVED_PARAMETERS,
    enumMember: PYTHON_KEYWORDS,
    file: PYTHON_KEYWORDS,
  },
  escapeLeadingDigit: (identifier: string, kind: NameKind) =>
    kind === "enumMember" || kind === "constant" ? `VALUE_${identifier}` : `_${identifier}`,
});
