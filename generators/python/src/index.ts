import type { LanguageTarget } from "@embott/codegen-core";
import { pythonNaming } from "./naming";

export { pythonNaming } from "./naming";

/** Python target for the CLI: naming is ready; no emitter has been written yet. */
export const pythonTarget: LanguageTarget = { language: "python", naming: pythonNaming, emitter: undefined };
