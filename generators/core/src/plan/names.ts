import type { Words } from "./types";

/**
 * Core's one collision policy for plan names. Two word lists collide when their letters are equal once the
 * words are joined (`["api", "key"]` vs `["apikey"]`): that is when some casing of some language (camelCase
 * in a case-insensitive PHP class table, say) would print the same identifier. A later claim is made unique
 * by trying the caller's alternatives first, then appending a number word (`["get", "2"]`), so every
 * language prints `get2` / `get_2` alike.
 */
export class WordScope {
  /** Keys taken; a short list is scanned (most scopes hold a model's fields or a method's params), a long one hashed. */
  private few: string[] = [];
  private many: Set<string> | undefined;

  /** Reserve words that must not be reused (e.g. another namespace's names). */
  reserve(words: readonly string[]): void {
    this.take(key(words));
  }

  has(words: readonly string[]): boolean {
    return this.taken(key(words));
  }

  /** `words` if free, else `[prefix, ...words]` (then numbered): one join on the common path. */
  claimOrPrefixed(words: Words, prefix: string): Words {
    const wanted = key(words);
    if (this.taken(wanted)) return this.claim([prefix, ...words]);
    this.take(wanted);
    return words;
  }

  /** The first free of `words` and `alternatives`, else `words` numbered from 2; reserved and returned. */
  claim(words: Words, ...alternatives: Words[]): Words {
    const wanted = key(words);
    if (!this.taken(wanted)) {
      this.take(wanted);
      return words;
    }
    let chosen = alternatives.find((candidate) => !this.has(candidate)) ?? words;
    for (let counter = 2; this.has(chosen); counter++) chosen = [...words, String(counter)];
    this.reserve(chosen);
    return chosen;
  }

  private taken(wanted: string): boolean {
    return this.many ? this.many.has(wanted) : this.few.includes(wanted);
  }

  private take(wanted: string): void {
    if (this.many) this.many.add(wanted);
    else if (this.few.length < FEW) this.few.push(wanted);
    else {
      this.many = new Set(this.few);
      this.many.add(wanted);
    }
  }
}

/** Up to this many keys a scan beats hashing (and allocates no hash table). */
const FEW = 8;

/** The words joined (a loop: `Array.prototype.join` on lists this short costs several times more). */
function key(words: readonly string[]): string {
  let joined = words[0] ?? "";
  for (let index = 1; index < words.length; index++) joined += words[index];
  return joined;
}

/** Words that are already singular (or have no singular) although they end in `s`. */
const SINGULAR_AS_IS = new Set([
  "analytics",
  "series",
  "species",
  "news",
  "status",
  "statistics",
  "metrics",
  "settings",
  "data",
  "media",
  "access",
  "address",
  "business",
  "process",
  "canvas",
  "alias",
  "bus",
  "gas",
  "lens",
  "atlas",
  "chaos",
  "bias",
  "economics",
  "physics",
  "ethics",
  "logistics",
  "diagnostics",
]);

const IRREGULAR: Record<string, string> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  indices: "index",
  matrices: "matrix",
  vertices: "vertex",
  analyses: "analysis",
  criteria: "criterion",
  phenomena: "phenomenon",
};

/**
 * English singular for public names (`bots` → `bot`, `categories` → `category`, `boxes` → `box`), which leaves
 * words that only look plural alone (`analytics`, `series`, `status`). Core's `singular` is a cruder helper
 * for matching names and must not reach a public identifier.
 */
export function publicSingular(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (SINGULAR_AS_IS.has(word) || word.length <= 3) return word;
  if (/(ics|ss|us|is|ous|ws)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}
