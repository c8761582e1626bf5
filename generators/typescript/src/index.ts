import type { LanguageTarget } from "@embott/codegen-core";
import { typescriptNaming } from "./naming";

export { typescriptNaming } from "./naming";

/** TypeScript target for the CLI; `emitter` is set once the emitter in ./emit is wired in. */
export const typescriptTarget: LanguageTarget = {
  language: "typescript",
  naming: typescriptNaming,
  emitter: undefined,
};
