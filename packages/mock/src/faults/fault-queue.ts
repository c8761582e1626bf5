import { invalidRequest } from "../policies/errors";
import { templateToPattern } from "../spec/operations";

/** What a fault does to a matching request (a delay may be combined with a status or a drop). */
export interface FaultRule {
  /** HTTP method to match, `*` (default) for any. */
  method?: string;
  /** Path to match: `/v1/bots`, `/bots/{bot_id}`, `/v1/bots/*`. A missing `/v1` prefix is added. */
  path: string;
  /** How many matching requests the fault affects (default 1). */
  times?: number;
  /** Answer with this status and the error envelope instead of running the operation. */
  status?: number;
  /** `Retry-After` seconds sent with `status`. */
  retryAfter?: number;
  /** Destroy the connection (fetch rejects with a network error). */
  drop?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface ActiveFault extends Required<Pick<FaultRule, "method" | "path" | "times">> {
  id: string;
  rule: FaultRule;
  remaining: number;
  pattern: RegExp;
}

function normalisePath(path: string): string {
  const absolute = path.startsWith("/") ? path : `/${path}`;
  return absolute === "/v1" || absolute.startsWith("/v1/") ? absolute : `/v1${absolute}`;
}

/** `*` matches one path segment, like a `{param}`. */
function patternFor(path: string): RegExp {
  return templateToPattern(path.replaceAll("*", "{any}"));
}

/** Checks a rule, throwing a 400 `ApiError` that names the bad field. */
export function assertValidRule(rule: FaultRule): void {
  if (typeof rule.path !== "string" || rule.path === "")
    throw invalidRequest("parameter_missing", "A fault needs a path.", "path");
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw invalidRequest("parameter_invalid", "times must be a positive integer.", "times");
  }
  if (
    rule.status !== undefined &&
    !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)
  ) {
    throw invalidRequest("parameter_invalid", "status must be an HTTP error status (400-599).", "status");
  }
  if (rule.retryAfter !== undefined && !(Number.isInteger(rule.retryAfter) && rule.retryAfter >= 0)) {
    throw invalidRequest("parameter_invalid", "retry_after must be a non-negative integer.", "retry_after");
  }
  if (
    rule.delayMs !== undefined &&
    !(Number.isFinite(rule.delayMs) && rule.delayMs >= 0 && rule.delayMs <= 60_000)
  ) {
    throw invalidRequest("parameter_invalid", "delay_ms must be between 0 and 60000.", "delay_ms");
  }
  if (rule.status === undefined && !rule.drop && rule.delayMs === undefined) {
    throw invalidRequest("parameter_missing", "A fault needs status, drop or delay_ms.", "status");
  }
  if (rule.status !== undefined && rule.drop) {
    throw invalidRequest("parameter_invalid", "Choose either status or drop, not both.", "drop");
  }
}

/** Queue of injected faults, consumed by matching requests in the order they were added. */
export class FaultQueue {
  private faults: ActiveFault[] = [];
  private counter = 0;

  add(rule: FaultRule): ActiveFault {
    assertValidRule(rule);
    this.counter += 1;
    const path = normalisePath(rule.path);
    const times = rule.times ?? 1;
    const fault: ActiveFault = {
      id: `fault_${this.counter}`,
      method: (rule.method ?? "*").toUpperCase(),
      path,
      times,
      remaining: times,
      rule: { ...rule, path },
      pattern: patternFor(path),
    };
    this.faults.push(fault);
    return fault;
  }

  /** Takes one use of the first fault matching the request, if any. */
  take(method: string, pathname: string): FaultRule | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.method === "*" || candidate.method === method) && candidate.pattern.test(pathname),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault.rule;
  }

  list(): ActiveFault[] {
    return [...this.faults];
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }
}
