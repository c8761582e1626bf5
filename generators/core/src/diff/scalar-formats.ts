import type { Side } from "./languages";
import type { SurfaceType } from "./surface";
import type { Direction, Position, Reading, Verdict } from "./types-compare";

type PrimitiveRef = Extract<SurfaceType, { kind: "primitive" }>;

/**
 * A scalar's format changed: compare what the language prints for it on each side. A caller's input that now
 * prints wider is additive, narrower or different breaks where static types check it (every runtime sends a
 * date or bytes whatever the declared format, so only a type checker sees it); an output that prints
 * differently is a different value at run time (Python's `str` becoming a `datetime`), which breaks everywhere.
 */
export function formatVerdict(before: PrimitiveRef, after: PrimitiveRef): Verdict {
  return (language) => {
    const print = (side: Side): [string[], string[]] => [
      language.exposure.scalar(before.type, before.format, side),
      language.exposure.scalar(after.type, after.format, side),
    ];
    const printed = { input: print("input"), output: print("output") };
    const input = setDirection(...printed.input);
    return {
      input: input === "widened" || language.exposure.staticTypes ? input : "neutral",
      output: setDirection(...printed.output) === "neutral" ? "neutral" : "incompatible",
      printed,
    };
  };
}

function setDirection(before: string[], after: string[]): Direction {
  const lost = before.some((type) => !after.includes(type));
  const gained = after.some((type) => !before.includes(type));
  return lost && gained ? "incompatible" : lost ? "narrowed" : gained ? "widened" : "neutral";
}

/** `str → datetime` on the side(s) the position uses; `input: …; output: …` when both. */
export function printedChange(reading: Reading, position: Position): string {
  const side = (name: Side) => {
    const [from, to] = reading.printed[name].map((types) => types.join(" | "));
    return from === to ? `${from} (unchanged)` : `${from} → ${to}`;
  };
  if (position.input && position.output) return `input: ${side("input")}; output: ${side("output")}`;
  return side(position.input ? "input" : "output");
}
