import type { LanguageTarget } from "@embott/codegen-core";
import { createPythonEmitter } from "./emit/emitter";
import { pythonNaming } from "./naming";

export { createPythonEmitter, emitPython } from "./emit/emitter";
export { pythonNaming } from "./naming";

/** Python target for the CLI. */
export const pythonTarget: LanguageTarget = {
  language: "python",
  naming: pythonNaming,
  emitter: createPythonEmitter(pythonNaming),
};
