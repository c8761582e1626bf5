// Language-neutral expectation checks: each returns the list of what did not hold (empty = passed).
import { isDeepStrictEqual } from "node:util";
import type { CallExpect, Json, JsonObject, Match } from "./scenario";

const MISSING = Symbol("missing");

/** Value at a dotted wire path (`messages.0.role`), or MISSING. */
export function lookup(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of path.split(".")) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (current !== null && typeof current === "object" && segment in current)
      current = (current as Record<string, unknown>)[segment];
    else return MISSING;
    if (current === undefined) return MISSING;
  }
  return current;
}

const show = (value: unknown): string => (value === MISSING ? "(missing)" : JSON.stringify(value));

/** Replaces `{{name.path}}` in strings (the whole string keeps the saved value's type). */
export function substitute(value: Json | undefined, saved: Record<string, unknown>): Json | undefined {
  if (typeof value === "string") {
    const whole = /^\{\{([a-z_][a-z0-9_]*(?:\.[^}]+)?)\}\}$/.exec(value);
    if (whole) return resolve(whole[1]!, saved) as Json;
    return value.replaceAll(/\{\{([^}]+)\}\}/g, (_match, ref: string) => String(resolve(ref, saved)));
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, saved) as Json);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitute(item, saved) as Json]),
    );
  }
  return value;
}

function resolve(ref: string, saved: Record<string, unknown>): unknown {
  const [name, ...rest] = ref.split(".");
  if (!(name! in saved)) throw new Error(`{{${ref}}}: nothing saved as "${name}"`);
  const found = rest.length === 0 ? saved[name!] : lookup(saved[name!], rest.join("."));
  if (found === MISSING) throw new Error(`{{${ref}}}: no such field in the saved value`);
  return found;
}

export function checkMatch(subject: unknown, match: Match, label: string): string[] {
  const problems: string[] = [];
  for (const [path, expected] of Object.entries(match.equals ?? {})) {
    const actual = lookup(subject, path);
    if (!isDeepStrictEqual(actual, expected))
      problems.push(`${label}.${path} = ${show(actual)}, expected ${show(expected)}`);
  }
  for (const [path, pattern] of Object.entries(match.matches ?? {})) {
    const actual = lookup(subject, path);
    if (typeof actual !== "string" || !new RegExp(pattern).test(actual))
      problems.push(`${label}.${path} = ${show(actual)}, expected to match /${pattern}/`);
  }
  for (const path of match.present ?? []) {
    if (lookup(subject, path) === MISSING) problems.push(`${label}.${path} is missing`);
  }
  for (const [path, length] of Object.entries(match.length ?? {})) {
    const actual = lookup(subject, path);
    if (!Array.isArray(actual) || actual.length !== length)
      problems.push(
        `${label}.${path} has ${Array.isArray(actual) ? actual.length : show(actual)} items, expected ${length}`,
      );
  }
  return problems;
}

const matchesAll = (item: unknown, fields: JsonObject): boolean =>
  Object.entries(fields).every(([path, expected]) => isDeepStrictEqual(lookup(item, path), expected));

export function checkItems(items: unknown[], expect: NonNullable<CallExpect["items"]>): string[] {
  const problems: string[] = [];
  if (expect.count !== undefined && items.length !== expect.count)
    problems.push(`got ${items.length} items, expected ${expect.count}`);
  if (expect.unique !== undefined) {
    const values = items.map((item) => JSON.stringify(lookup(item, expect.unique!)));
    const repeated = values.filter((value, index) => values.indexOf(value) !== index);
    if (repeated.length > 0)
      problems.push(`items repeat ${expect.unique}: ${[...new Set(repeated)].join(", ")}`);
  }
  if (expect.all) {
    const off = items.filter((item) => !matchesAll(item, expect.all!));
    if (off.length > 0) problems.push(`${off.length} items do not have ${JSON.stringify(expect.all)}`);
  }
  for (const where of expect.where ?? []) {
    const count = items.filter((item) => matchesAll(item, where.match)).length;
    if (count !== where.count)
      problems.push(`${count} items have ${JSON.stringify(where.match)}, expected ${where.count}`);
  }
  return problems;
}

export function checkEvents(events: unknown[], expect: NonNullable<CallExpect["events"]>): string[] {
  const types = events.map((event) => lookup(event, "type"));
  const problems: string[] = [];
  if (types[0] !== expect.first) problems.push(`first event is ${show(types[0])}, expected ${expect.first}`);
  if (types.at(-1) !== expect.last)
    problems.push(`last event is ${show(types.at(-1))}, expected ${expect.last}`);
  if (expect.count_min !== undefined && events.length < expect.count_min)
    problems.push(`got ${events.length} events, expected at least ${expect.count_min}`);
  const middle = events.slice(1, -1);
  if (expect.middle !== undefined) {
    const off = types.slice(1, -1).filter((type) => type !== expect.middle);
    if (off.length > 0)
      problems.push(`events between first and last: ${off.join(", ")} (expected only ${expect.middle})`);
  }
  if (expect.text) {
    const text = middle.map((event) => String(lookup(event, expect.text!.field))).join("");
    const final = lookup(events.at(-1), expect.text.equals_path);
    if (text !== final)
      problems.push(`deltas give ${show(text)} but the final ${expect.text.equals_path} is ${show(final)}`);
  }
  if (expect.final) problems.push(...checkMatch(events.at(-1), expect.final, "final event"));
  return problems;
}
