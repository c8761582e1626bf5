import type { DiffLanguage, Side } from "./languages";
import type { Level } from "./report";
import { formatVerdict, printedChange } from "./scalar-formats";
import type { SurfaceType } from "./surface";

/** Where a type is used: sent by the caller, received by the caller, or both. */
export interface Position {
  input: boolean;
  output: boolean;
}

/** A level that may depend on the language (e.g. on whether it has static types). */
export type LevelRule = Level | ((language: DiffLanguage) => Level);

/** One finding about a type change. */
export interface TypeFinding {
  reason: string;
  level: LevelRule;
  /** Per-language detail: the types a format change prints. */
  detail?: (language: DiffLanguage) => string;
}

/** Breaking where static types make it a compile / type-check error; invisible elsewhere. */
export const staticBreak: LevelRule = (language) => (language.exposure.staticTypes ? "breaking" : "none");

/** `string`, `integer[]`, `Bot | null`, `"user"`, `map<string>`. */
export function describeType(type: SurfaceType): string {
  const base = describeBase(type);
  return type.nullable ? `${base} | null` : base;
}

function describeBase(type: SurfaceType): string {
  switch (type.kind) {
    case "primitive":
      return type.format ? `${type.type}(${type.format})` : type.type;
    case "literal":
      return JSON.stringify(type.value);
    case "array":
      return `${describeType(type.items)}[]`;
    case "map":
      return `map<${describeType(type.values)}>`;
    case "ref":
      return type.id;
    default:
      return type.kind;
  }
}

/**
 * Compare two types at one position. Model refs with the same name compare equal here (the model itself is
 * compared once, under `models/`). Input positions break when narrowed; output positions break when widened in
 * languages with static types; an incompatible change breaks everywhere. A format change is read per language
 * from the types its printer gives the scalar before and after (the detail names them).
 */
export function compareTypes(before: SurfaceType, after: SurfaceType, position: Position): TypeFinding[] {
  const findings: TypeFinding[] = [];
  const base = compareBase(before, after);
  if (base) {
    const verdict = base.direction;
    findings.push({
      reason: base.reason,
      level: levelFor(verdict, position),
      ...(typeof verdict === "function"
        ? { detail: (language) => printedChange(verdict(language), position) }
        : {}),
    });
  }
  if (base?.direction !== "incompatible") {
    if (!before.nullable && after.nullable)
      findings.push({
        reason: "may now be null",
        level: levelFor("widened", position),
      });
    if (before.nullable && !after.nullable)
      findings.push({ reason: "no longer nullable", level: levelFor("narrowed", position) });
  }
  return findings;
}

export type Direction = "widened" | "narrowed" | "incompatible" | "neutral";

/** A change read per language and per side, with the types the language prints before and after. */
export interface Reading {
  input: Direction;
  output: Direction;
  printed: Record<Side, [string[], string[]]>;
}

/** One direction for every language and side, or a reading per language (format changes). */
export type Verdict = Direction | ((language: DiffLanguage) => Reading);

/** Combine the input and output readings of a change at a position into a level. */
export function levelFor(verdict: Verdict, position: Position): LevelRule {
  if (typeof verdict !== "function") return sideLevels(verdict, verdict, position);
  return (language) => {
    const { input, output } = verdict(language);
    const rule = sideLevels(input, output, position);
    return typeof rule === "function" ? rule(language) : rule;
  };
}

function sideLevels(input: Direction, output: Direction, position: Position): LevelRule {
  const sent: Level =
    input === "narrowed" || input === "incompatible" ? "breaking" : input === "widened" ? "additive" : "none";
  if (!position.output) return sent;
  const received = position.input ? sent : "none";
  if (output === "incompatible") return "breaking";
  if (output !== "widened") return received;
  return (language) => (language.exposure.staticTypes ? "breaking" : received);
}

/** Two readings of one type change (an element's type and its nullability) as one. */
function merge(a: Direction, b: Direction): Direction {
  return a === b || b === "neutral" ? a : a === "neutral" ? b : "incompatible";
}

function compareBase(
  before: SurfaceType,
  after: SurfaceType,
): { reason: string; direction: Verdict } | undefined {
  const from = describeBase(before);
  const to = describeBase(after);
  const changed = (direction: Direction) => ({ reason: `type ${from} → ${to}`, direction });
  if (before.kind === "unknown" && after.kind === "unknown") return undefined;
  if (after.kind === "unknown") return changed("widened");
  if (before.kind === "unknown") return changed("narrowed");
  if (before.kind === "ref" && after.kind === "ref")
    return before.id === after.id ? undefined : changed("incompatible");
  if (before.kind === "array" && after.kind === "array") return nested(before.items, after.items, "items");
  if (before.kind === "map" && after.kind === "map") return nested(before.values, after.values, "values");
  if (before.kind === "primitive" && after.kind === "primitive") {
    if (before.type === after.type)
      return before.format === after.format
        ? undefined
        : { reason: `format ${from} → ${to}`, direction: formatVerdict(before, after) };
    if (before.type === "integer" && after.type === "number") return changed("widened");
    if (before.type === "number" && after.type === "integer") return changed("narrowed");
    return changed("incompatible");
  }
  if (before.kind === "literal" && after.kind === "literal")
    return before.value === after.value ? undefined : changed("incompatible");
  if (
    before.kind === "literal" &&
    after.kind === "primitive" &&
    typeof before.value === primitiveJs(after.type)
  )
    return changed("widened");
  if (
    before.kind === "primitive" &&
    after.kind === "literal" &&
    typeof after.value === primitiveJs(before.type)
  )
    return changed("narrowed");
  if (before.kind === "null" && after.kind === "null") return undefined;
  return changed("incompatible");
}

/** Element types of arrays / maps: the same rules, named in the reason. */
function nested(
  before: SurfaceType,
  after: SurfaceType,
  part: string,
): { reason: string; direction: Verdict } | undefined {
  const inner = compareBase(before, after);
  const nullability: Direction | undefined =
    !before.nullable && after.nullable
      ? "widened"
      : before.nullable && !after.nullable
        ? "narrowed"
        : undefined;
  if (!inner && !nullability) return undefined;
  const reason = `${part} ${describeType(before)} → ${describeType(after)}`;
  const element = inner?.direction ?? "neutral";
  const also = nullability ?? "neutral";
  if (typeof element !== "function") return { reason, direction: merge(element, also) };
  return {
    reason,
    direction: (language) => {
      const reading = element(language);
      return { ...reading, input: merge(reading.input, also), output: merge(reading.output, also) };
    },
  };
}

const primitiveJs = (type: string): string => (type === "integer" ? "number" : type);
