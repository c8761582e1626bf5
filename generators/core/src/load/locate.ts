import { type BaseResolver, type Document, getLineColLocation } from "@redocly/openapi-core";
import { lazyProblem, type Problem } from "./problem";

/** Turns JSON pointers of the root spec file into `Problem`s with line and column (parsed lazily, once, if read). */
export class Locator {
  constructor(
    private readonly document: Document | undefined,
    readonly displayPath: string,
  ) {}

  /** A locator over the resolver's cached copy of the root file (no second parse). */
  static async forFile(resolver: BaseResolver, absolutePath: string, displayPath: string): Promise<Locator> {
    const resolved = await resolver.resolveDocument(null, absolutePath, true).catch(() => undefined);
    const document =
      resolved && "source" in resolved && "parsed" in resolved ? (resolved as Document) : undefined;
    return new Locator(document, displayPath);
  }

  /**
   * A problem at `pointer` ("#/paths/~1x/get"); line and column (0 when the pointer is not in the file) are
   * found when first read.
   */
  problem(severity: Problem["severity"], pointer: string, message: string, rule: string): Problem {
    return lazyProblem({ severity, file: this.displayPath, pointer, message, rule }, () =>
      this.lineCol(pointer),
    );
  }

  private lineCol(pointer: string): { line: number; col: number } {
    if (!this.document) return { line: 0, col: 0 };
    try {
      const { start } = getLineColLocation({ source: this.document.source, pointer, reportOnKey: false });
      return { line: start.line, col: start.col };
    } catch {
      return { line: 0, col: 0 };
    }
  }
}
