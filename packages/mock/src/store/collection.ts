import { notFound } from "../policies/errors";

/** An id-keyed set of records in insertion order; `require` throws the API's 404. */
export class Collection<T extends { id: string }> {
  private readonly items = new Map<string, T>();

  constructor(
    /** Human name used in 404 messages ("bot"). */
    readonly kind: string,
    /** Path parameter named in 404 errors ("bot_id"). */
    readonly param: string,
  ) {}

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
    this.items.set(item.id, item);
    return item;
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  all(): T[] {
    return [...this.items.values()];
  }

  clear(): void {
    this.items.clear();
  }
}
