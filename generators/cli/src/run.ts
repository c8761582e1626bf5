import { readFileSync } from "node:fs";
import { formatProblem, SpecError } from "@embott/codegen-core/problem";
import { parseCliArgs } from "./args";
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
    // Commands load on demand, so `--help` reads no spec library, emitter or hey-api.
    if (args.command === "inspect") return await (await import("./commands/inspect")).inspect(args, io);
    if (args.command === "diff") return await (await import("./commands/diff")).diff(args, io);
    // The emit workers start loading their emitters before this thread loads the spec libraries.
    const workers = (await import("./emit-worker")).startEmitWorkers(args.languages);
    try {
      const { generate } = await import("./commands/generate");
      return await generate({ ...args, generatorVersion: VERSION }, io, undefined, workers);
    } finally {
      for (const worker of workers) worker.close();
    }
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
  io.stderr.write(`embott-codegen: ${describeError(error)}\n`);
  if (process.env["EMBOTT_CODEGEN_DEBUG"] && error instanceof Error && error.stack)
    io.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}

/**
 * One line naming the cause: the error's name and message, then each `cause` in turn — never a stack trace
 * (set EMBOTT_CODEGEN_DEBUG=1 for one) and never an empty message.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      const message = current.message.trim().split("\n")[0] ?? "";
      const text = message.replace(/:\s*$/, "");
      if (text && !parts.some((part) => part.includes(text))) parts.push(`${current.name}: ${text}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.length > 0 ? parts.join(" — caused by ") : "failed with an error that carries no message";
}
