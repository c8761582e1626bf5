import type { HeadersInput } from "../core/options";

/** Merges header sets left to right (later wins, names case-insensitive); a `null` value deletes the header. */
export function mergeHeaders(...sources: (HeadersInput | undefined)[]): Headers {
  const merged = new Headers();
  for (const source of sources) {
    if (!source) continue;
    const entries: [string, string | null | undefined][] =
      source instanceof Headers ? [...source.entries()] : Object.entries(source);
    for (const [name, value] of entries) {
      if (value === null) merged.delete(name);
      else if (value !== undefined) merged.set(name, value);
    }
  }
  return merged;
}

/** "X-Embott-Retry-Count" from sdkName "embott": telemetry headers are named after the SDK, not hard-coded. */
export function telemetryHeaderName(sdkName: string, suffix: string): string {
  const words = sdkName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("-");
  return `X-${pascal}-${suffix}`;
}
