import { readEnv } from "./env";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Headers whose values are never logged. */
export const REDACTED_HEADERS = new Set([
  "authorization",
  "x-api-key",
  "cookie",
  "set-cookie",
  "proxy-authorization",
]);

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

/** Wraps `logger` so messages below `level` are dropped. */
export function leveledLogger(logger: Logger, level: LogLevel): Logger {
  const allows = (wanted: LogLevel) => LEVEL_RANK[wanted] <= LEVEL_RANK[level];
  const forward =
    (wanted: Exclude<LogLevel, "off">) =>
    (message: string, ...details: unknown[]) => {
      if (allows(wanted)) logger[wanted](message, ...details);
    };
  return { error: forward("error"), warn: forward("warn"), info: forward("info"), debug: forward("debug") };
}

/** A plain-object copy of `headers` with secret values replaced by "***". */
export function redactHeaders(headers: Headers): Record<string, string> {
  const copy: Record<string, string> = {};
  headers.forEach((value, name) => {
    copy[name] = REDACTED_HEADERS.has(name.toLowerCase()) ? "***" : value;
  });
  return copy;
}

/** Replaces every occurrence of each secret in `text` with "***". */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret) result = result.split(secret).join("***");
  }
  return result;
}
