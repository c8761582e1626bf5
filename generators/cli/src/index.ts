export { parseCliArgs } from "./args";
export { formatInspect } from "./commands/inspect";
export type { CliIO } from "./io";
export { runCli } from "./run";
export { LANGUAGES, selectTargets } from "./targets";
