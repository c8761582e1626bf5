import { extractItems, nextPageSpec, type PaginationDescriptor, pagePosition } from "../internal/page-styles";
import type { CallResult } from "../internal/transport";
import { APIPromise } from "./api-promise";
import { PaginationCycleError, SDKError } from "./error";
import type { RequestSpec } from "./options";

export type { PaginationDescriptor } from "../internal/page-styles";

/** Collecting more items than this without an explicit `limit` throws instead of exhausting memory. */
export const DEFAULT_TO_ARRAY_CAP = 10_000;

/** How a page loads another page; bound by the client to the original call's options. */
export type PageLoader = (spec: RequestSpec) => Promise<CallResult>;

interface PageContext {
  descriptor: PaginationDescriptor;
  load: PageLoader;
  baseURL: string;
}

/**
 * The positions (cursors, link URLs) an iteration has requested, each with the number of the page that requested
 * it. Shared by the pages of one list call: a next position first requested by this page or an earlier one is a
 * cycle (A→B→A), while asking the same page for its next page twice is not.
 */
type SeenPositions = Map<string, number>;

/** One page of a list: its items, the raw body and response, and navigation to the following pages. */
export class Page<Item> implements AsyncIterable<Item> {
  readonly data: Item[];
  readonly body: unknown;
  readonly response: Response;
  readonly #spec: RequestSpec;
  readonly #context: PageContext;
  readonly #index: number;
  readonly #seen: SeenPositions;

  constructor(
    result: CallResult,
    spec: RequestSpec,
    context: PageContext,
    index = 0,
    seen: SeenPositions = new Map(),
  ) {
    this.body = result.data;
    this.response = result.response;
    this.data = extractItems<Item>(result.data, context.descriptor);
    this.#spec = spec;
    this.#context = context;
    this.#index = index;
    this.#seen = seen;
    const position = pagePosition(context.descriptor, spec);
    if (position !== undefined && !seen.has(position)) seen.set(position, index);
  }

  hasNextPage(): boolean {
    return this.#nextSpec() !== null;
  }

  async getNextPage(): Promise<Page<Item>> {
    const next = this.#nextSpec();
    if (!next) throw new SDKError("This is the last page: check hasNextPage() before calling getNextPage().");
    const position = pagePosition(this.#context.descriptor, next);
    const firstAt = position === undefined ? undefined : this.#seen.get(position);
    if (firstAt !== undefined && firstAt <= this.#index) {
      throw new PaginationCycleError(
        `The server sent page ${this.#index + 1} a next cursor it already sent for page ${firstAt + 1} ` +
          `("${position}"): following it would loop forever, so iteration stopped. This is a server bug.`,
      );
    }
    const result = await this.#context.load(next);
    return new Page<Item>(result, next, this.#context, this.#index + 1, this.#seen);
  }

  /** This page and every following one. */
  async *iterPages(): AsyncGenerator<Page<Item>, void, undefined> {
    let page: Page<Item> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and the following ones. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }

  /**
   * Collects items into an array. With `limit`, stops after that many. Without, throws once more than
   * 10 000 items arrive: pass an explicit `limit` to collect more.
   */
  async toArray(options: { limit?: number } = {}): Promise<Item[]> {
    const { limit } = options;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw new TypeError(`toArray({ limit }) needs a non-negative integer, got ${limit}`);
    }
    const items: Item[] = [];
    if (limit === 0) return items;
    for await (const item of this) {
      if (limit === undefined && items.length >= DEFAULT_TO_ARRAY_CAP) {
        throw new SDKError(
          `toArray() stopped at ${DEFAULT_TO_ARRAY_CAP} items; pass { limit } to collect more or iterate with for await.`,
        );
      }
      items.push(item);
      if (items.length === limit) break;
    }
    return items;
  }

  #nextSpec(): RequestSpec | null {
    return nextPageSpec(this.#context.descriptor, {
      spec: this.#spec,
      body: this.body,
      response: this.response,
      itemCount: this.data.length,
      baseURL: this.#context.baseURL,
    });
  }
}

/**
 * What a list method returns: `await` it for the first `Page`, or `for await` it directly for every item.
 */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  constructor(spec: RequestSpec, context: PageContext) {
    super(context.load(spec), (result) => new Page<Item>(result, spec, context));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const page = await this;
    yield* page;
  }

  async toArray(options?: { limit?: number }): Promise<Item[]> {
    const page = await this;
    return page.toArray(options);
  }
}
