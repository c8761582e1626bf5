import { fstatSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_MAX_BODY_BYTES } from "./bridge";
import { startMockServer } from "./start";

const USAGE = `Usage: embott-mock [--port 0] [--host 127.0.0.1] [--rate-limit 600] [--webhook-time-scale 1]
                   [--max-body-bytes 1048576]

Starts the Embott API mock and prints its root URL (API under /v1, control endpoints under /__mock) as the
first line of stdout. Stops on SIGTERM, SIGINT, or when stdin (if it is a pipe) closes.`;

function parseNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} must be a non-negative number, got '${raw}'`);
  return value;
}

/** pnpm 10 passes the `--` of `pnpm start -- --port 0` through to the script; a leading one is skipped. */
export function readOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv[0] === "--" ? argv.slice(1) : argv,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "rate-limit": { type: "string" },
      "webhook-time-scale": { type: "string" },
      "max-body-bytes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  return {
    help: values.help === true,
    port: parseNumber("port", values.port, 0),
    host: values.host ?? "127.0.0.1",
    rateLimit: { limit: parseNumber("rate-limit", values["rate-limit"], 600) },
    webhookSchedule: { timeScale: parseNumber("webhook-time-scale", values["webhook-time-scale"], 1) },
    maxBodyBytes: parseNumber("max-body-bytes", values["max-body-bytes"], DEFAULT_MAX_BODY_BYTES),
  };
}

/** True when stdin is a pipe or socket, i.e. a parent process holds its other end. */
function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

export async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const running = await startMockServer(options);
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`embott-mock: stopping (${reason})\n`);
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  if (stdinIsPipe()) {
    process.stdin.on("end", () => stop("stdin closed"));
    process.stdin.on("close", () => stop("stdin closed"));
    process.stdin.resume();
  }
  // A parent that goes away closes our stdout/stderr: writing there fails with EPIPE, which must end the process,
  // not re-enter the handler below forever (a write failing inside uncaughtException spun at 100% CPU).
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => process.exit(0));
  process.on("uncaughtException", (error) => {
    if ((error as NodeJS.ErrnoException).code === "EPIPE") process.exit(0);
    try {
      process.stderr.write(`embott-mock: ${error.stack ?? error}\n`);
    } catch {
      process.exit(1);
    }
  });
  // Printed last, so a parent that reads the URL may signal the process right away.
  process.stdout.write(`${running.url}\n`);
}
