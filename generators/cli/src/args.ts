import { parseArgs } from "node:util";
import { UsageError } from "./io";

/** Parsed command line. */
export interface CliArgs {
  command: "generate" | "inspect" | "diff" | "help";
  spec?: string;
  out?: string;
  languages?: string[];
  check: boolean;
  json: boolean;
  /** Every structural problem in the spec is an error (default: only what makes a correct SDK impossible). */
  strict: boolean;
  config?: string;
  /** diff only. */
  base?: string;
  changeset?: boolean;
  requireChangeset?: boolean;
}

const OPTIONS = {
  spec: { type: "string" },
  out: { type: "string" },
  lang: { type: "string" },
  check: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  strict: { type: "boolean", default: false },
  config: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  base: { type: "string" },
  changeset: { type: "boolean", default: false },
  "require-changeset": { type: "boolean", default: false },
} as const;

/** Parse argv (without node and script); throws UsageError on anything unknown or inconsistent. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === undefined || command === "help")
    return { command: "help", check: false, json: false, strict: false };
  if (command !== "generate" && command !== "inspect" && command !== "diff")
    throw new UsageError(`unknown command "${command}"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === "generate" && values.spec !== undefined && values.out === undefined) {
    throw new UsageError("--spec needs --out DIR (or omit both to regenerate the repo's own SDKs)");
  }
  if (command === "inspect" && (values.out !== undefined || values.check || values.lang !== undefined)) {
    throw new UsageError("inspect takes only --spec, --json, --strict and --config");
  }
  if (command === "diff" && (values.out !== undefined || values.check))
    throw new UsageError("diff takes no --out or --check");
  if (command !== "diff" && (values.base !== undefined || values.changeset || values["require-changeset"]))
    throw new UsageError("--base, --changeset and --require-changeset are diff options");
  if (command === "generate" && values.json) throw new UsageError("--json is an inspect option");
  const languages = values.lang
    ?.split(",")
    .map((language) => language.trim())
    .filter(Boolean);
  if (languages && languages.length === 0) throw new UsageError("--lang needs at least one language");
  return {
    command,
    check: values.check,
    json: values.json,
    strict: values.strict,
    ...(values.spec !== undefined ? { spec: values.spec } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(languages ? { languages } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(command === "diff"
      ? { base: values.base, changeset: values.changeset, requireChangeset: values["require-changeset"] }
      : {}),
  };
}
