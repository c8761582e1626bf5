import type { LanguageTarget } from "@embott/codegen-core";
import { phpNaming } from "./naming";

export { phpNaming } from "./naming";

/** Php target for the CLI: naming is ready; no emitter has been written yet. */
export const phpTarget: LanguageTarget = { language: "php", naming: phpNaming, emitter: undefined };
