/**
 * A namespace of identifiers: `claim` returns a name that is not yet taken in this scope, adding 2, 3… to
 * repeats. Claims are deterministic as long as callers claim in a stable order.
 */
export class NameScope {
  private readonly taken = new Set<string>();

  /** `caseInsensitive` for namespaces such as PHP class names or file systems on macOS. */
  constructor(private readonly caseInsensitive = false) {}

  /** Reserve `name` and return it, or the first free `name2`, `name3`… */
  claim(name: string, separator = ""): string {
    let candidate = name;
    for (let counter = 2; this.has(candidate); counter++) candidate = `${name}${separator}${counter}`;
    this.taken.add(this.key(candidate));
    return candidate;
  }

  has(name: string): boolean {
    return this.taken.has(this.key(name));
  }

  private key(name: string): string {
    return this.caseInsensitive ? name.toLowerCase() : name;
  }
}
