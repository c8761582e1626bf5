import { createNaming, type LanguageNaming } from "@embott/codegen-core";
import {
  PHP_RESERVED_CLASS_NAMES,
  PHP_RESERVED_CONSTANTS,
  PHP_RESERVED_METHODS,
  PHP_RESERVED_PARAMETERS,
} from "./reserved-words";

/**
 * PSR-1/PSR-12 identifiers: PascalCase classes and files (PSR-4), camelCase methods, properties and parameters,
 * UPPER_SNAKE constants, PascalCase enum cases. PHP keywords and class names are case-insensitive, so both the
 * reserved-word check and collisions ignore case; a reserved class name gets a trailing `_` (`List_`).
 */
export const phpNaming: LanguageNaming = createNaming({
  language: "php",
  casing: {
    type: "pascal",
    resource: "camel",
    method: "camel",
    property: "camel",
    parameter: "camel",
    enumMember: "pascal",
    constant: "screamingSnake",
    file: "pascal",
  },
  reserved: {
    type: PHP_RESERVED_CLASS_NAMES,
    file: PHP_RESERVED_CLASS_NAMES,
    method: PHP_RESERVED_METHODS,
    parameter: PHP_RESERVED_PARAMETERS,
    enumMember: PHP_RESERVED_CONSTANTS,
    constant: PHP_RESERVED_CONSTANTS,
  },
  caseInsensitiveReserved: true,
  caseInsensitiveNames: true,
});
