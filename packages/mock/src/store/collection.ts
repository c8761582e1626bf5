import { notFound } from "../policies/errors";

export interface CollectionOptions<T> {
  /**
   * The list order's key: records are kept sorted newest first by (key, id), updated on every put and delete, so
   * a list page is a binary search plus the page, not a sort of the whole collection.
   */
  sortKey?: (item: T) => string;
  /** Secondary keys looked up by `findBy` (e.g. a bot's name), maintained on every put and delete. */
  indexes?: Record<string, (item: T) => string>;
}

/** (key, id) of a record, the order lists use (newest first). */
export type Position = [string, string];

/** Ascending comparison of positions: negative when `a` is older. */
function compareAscending(a: Position, b: Position): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1;
}

/** An id-keyed set of records in insertion order; `require` throws the API's 404. */
export class Collection<T extends { id: string }> {
  private readonly items = new Map<string, T>();
  /** Oldest first by (sort key, id), so a new record (the newest, usually) is appended, not shifted in. */
  private readonly ascending: T[] = [];
  private readonly lookups = new Map<string, Map<string, Set<string>>>();

  constructor(
    /** Human name used in 404 messages ("bot"). */
    readonly kind: string,
    /** Path parameter named in 404 errors ("bot_id"). */
    readonly param: string,
    private readonly options: CollectionOptions<T> = {},
  ) {
    for (const name of Object.keys(options.indexes ?? {})) this.lookups.set(name, new Map());
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  require(id: string): T {
    const item = this.items.get(id);
    if (!item) throw notFound(this.kind, id, this.param);
    return item;
  }

  /** Inserts or replaces a record. */
  put(item: T): T {
    const previous = this.items.get(item.id);
    if (previous) this.unlink(previous);
    this.items.set(item.id, item);
    this.link(item);
    return item;
  }

  delete(id: string): boolean {
    const item = this.items.get(id);
    if (!item) return false;
    this.unlink(item);
    return this.items.delete(id);
  }

  all(): T[] {
    return [...this.items.values()];
  }

  /** Records in list order (newest first by sort key, ties by id descending), after `position` when given. */
  *after(position?: Position): Generator<T, void, undefined> {
    const start = position === undefined ? this.ascending.length : this.lowerBound(position);
    for (let index = start - 1; index >= 0; index--) yield this.ascending[index] as T;
  }

  /** Every record in list order. */
  sorted(): T[] {
    return [...this.after()];
  }

  /** The (sort key, id) a cursor records for `item`. */
  positionOf(item: T): Position {
    const sortKey = this.options.sortKey;
    if (!sortKey) throw new Error(`The ${this.kind} collection has no sort key.`);
    return [sortKey(item), item.id];
  }

  /** Records whose index `name` has `value` (e.g. `findBy("name", "Support")`). */
  findBy(name: string, value: string): T[] {
    const ids = this.lookups.get(name)?.get(value);
    return ids ? [...ids].map((id) => this.items.get(id) as T) : [];
  }

  clear(): void {
    this.items.clear();
    this.ascending.length = 0;
    for (const lookup of this.lookups.values()) lookup.clear();
  }

  /** Index of the first record at or after `position` in ascending order (binary search). */
  private lowerBound(position: Position): number {
    let low = 0;
    let high = this.ascending.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareAscending(this.positionOf(this.ascending[middle] as T), position) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private link(item: T): void {
    if (this.options.sortKey) {
      const position = this.positionOf(item);
      const last = this.ascending.at(-1);
      if (!last || compareAscending(this.positionOf(last), position) < 0) this.ascending.push(item);
      else this.ascending.splice(this.lowerBound(position), 0, item);
    }
    for (const [name, key] of Object.entries(this.options.indexes ?? {})) {
      const lookup = this.lookups.get(name) as Map<string, Set<string>>;
      const value = key(item);
      const ids = lookup.get(value) ?? new Set<string>();
      ids.add(item.id);
      lookup.set(value, ids);
    }
  }

  private unlink(item: T): void {
    if (this.options.sortKey) {
      const index = this.lowerBound(this.positionOf(item));
      if (this.ascending[index]?.id === item.id) this.ascending.splice(index, 1);
    }
    for (const [name, key] of Object.entries(this.options.indexes ?? {})) {
      const lookup = this.lookups.get(name) as Map<string, Set<string>>;
      const ids = lookup.get(key(item));
      ids?.delete(item.id);
      if (ids?.size === 0) lookup.delete(key(item));
    }
  }
}
