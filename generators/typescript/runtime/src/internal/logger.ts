import { readEnv } from "./env";
import { scrubSecrets, scrubValue } from "./redact";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && value in LEVEL_RANK;
}

/** The level from the option, else the env var, else "warn". An invalid value is reported, not ignored. */
export function resolveLogLevel(option: LogLevel | undefined, envName: string | undefined): LogLevel {
  if (option !== undefined) {
    if (!isLogLevel(option))
      throw new TypeError(`logLevel must be one of ${Object.keys(LEVEL_RANK).join(", ")}`);
    return option;
  }
  const fromEnv = readEnv(envName)?.toLowerCase();
  if (fromEnv === undefined) return "warn";
  if (isLogLevel(fromEnv)) return fromEnv;
  console.warn(
    `${envName}=${fromEnv} is not a log level (${Object.keys(LEVEL_RANK).join(", ")}); using "warn"`,
  );
  return "warn";
}

/**
 * Wraps `logger` so messages below `level` are dropped and no message or detail it passes on contains one of
 * `secrets` (the API key, raw or URL-encoded), whatever the caller logs: headers, URLs, bodies, errors.
 */
export function leveledLogger(logger: Logger, level: LogLevel, secrets: readonly string[] = []): Logger {
  const allows = (wanted: LogLevel) => LEVEL_RANK[wanted] <= LEVEL_RANK[level];
  const forward =
    (wanted: Exclude<LogLevel, "off">) =>
    (message: string, ...details: unknown[]) => {
      if (!allows(wanted)) return;
      logger[wanted](scrubSecrets(message, secrets), ...details.map((detail) => scrubValue(detail, secrets)));
    };
  return { error: forward("error"), warn: forward("warn"), info: forward("info"), debug: forward("debug") };
}
