/** Deterministic ids per prefix (`bot_mock0001`, …) that restart on reset; they match the spec's id patterns. */
export class IdSequence {
  private readonly counters = new Map<string, number>();

  next(prefix: string): string {
    const value = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, value);
    return `${prefix}_mock${String(value).padStart(4, "0")}`;
  }

  reset(): void {
    this.counters.clear();
  }
}

/** ISO 8601 without milliseconds, as the spec's examples write timestamps. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
