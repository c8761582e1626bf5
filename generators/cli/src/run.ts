import { readFileSync } from "node:fs";
import { formatProblem, SpecError } from "@embott/codegen-core";
import { parseCliArgs } from "./args";
import { diff } from "./commands/diff";
import { generate } from "./commands/generate";
import { inspect } from "./commands/inspect";
import { HELP } from "./help";
import { type CliIO, EXIT, UsageError } from "./io";

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** Run one command; returns the process exit code. Never throws for expected failures. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.command === "help") {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (args.command === "inspect") return await inspect(args, io);
    if (args.command === "diff") return await diff(args, io);
    return await generate({ ...args, generatorVersion: VERSION }, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr.write(`embott-codegen: ${error.message}\nRun \`embott-codegen --help\` for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof SpecError) {
    const errors = error.problems.filter((problem) => problem.severity === "error");
    for (const problem of errors) io.stderr.write(`${formatProblem(problem)}\n`);
    io.stderr.write(`✗ ${errors.length} problem(s) in the spec; nothing was written\n`);
    return EXIT.failure;
  }
  io.stderr.write(
    `embott-codegen: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.failure;
}
