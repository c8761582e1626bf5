/** Options with `null` and `undefined` fields removed: "not set", so the defaults apply. */
export type Defined<T> = { [K in keyof T]?: Exclude<T[K], null | undefined> };

export function definedOptions<T extends object>(options: T | null | undefined): Defined<T> {
  const result: Record<string, unknown> = {};
  if (options) {
    for (const [key, value] of Object.entries(options)) {
      if (value !== null && value !== undefined) result[key] = value;
    }
  }
  return result as Defined<T>;
}
