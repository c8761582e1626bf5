import type { LanguageTarget } from "@embott/codegen-core";
import { rubyEmitter } from "./emit";
import { rubyNaming } from "./naming";

export { rubyEmitter } from "./emit";
export { rubyNaming } from "./naming";

/** Ruby target for the CLI: naming and the gem emitter. */
export const rubyTarget: LanguageTarget = { language: "ruby", naming: rubyNaming, emitter: rubyEmitter };
