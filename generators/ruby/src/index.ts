import type { LanguageTarget } from "@embott/codegen-core";
import { rubyNaming } from "./naming";

export { rubyNaming } from "./naming";

/** Ruby target for the CLI: naming is ready; no emitter has been written yet. */
export const rubyTarget: LanguageTarget = { language: "ruby", naming: rubyNaming, emitter: undefined };
