import type { LanguageTarget } from "@embott/codegen-core";
import { createPhpEmitter } from "./emit/emitter";
import { phpNaming } from "./naming";

export { createPhpEmitter } from "./emit/emitter";
export { phpNaming } from "./naming";

/** PHP target for the CLI. */
export const phpTarget: LanguageTarget = {
  language: "php",
  naming: phpNaming,
  emitter: createPhpEmitter(phpNaming),
};
