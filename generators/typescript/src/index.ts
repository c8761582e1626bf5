import type { LanguageTarget } from "@embott/codegen-core";
import { createTypeScriptEmitter } from "./emit/emitter";
import { typescriptNaming } from "./naming";

export { createTypeScriptEmitter, emitTypeScript } from "./emit/emitter";

export { typescriptNaming } from "./naming";

/** TypeScript target for the CLI. */
export const typescriptTarget: LanguageTarget = {
  language: "typescript",
  naming: typescriptNaming,
  emitter: createTypeScriptEmitter(typescriptNaming),
};
