/** Words written in mixed case that are still one word (`OAuth2Token` → oauth2, token; `IPv4` → ipv4). */
const MIXED_CASE_WORDS =
  /OAuth|IPv[46]|GitHub|GitLab|OpenAI|PayPal|YouTube|LinkedIn|WhatsApp|iOS|macOS|eBay/g;

/**
 * Split any spec name into lower-case ASCII words: camelCase, PascalCase, snake_case, kebab-case, dotted
 * names, spaces, path keys such as `?beta=true`, acronyms (`HTTPServer` → http, server; `UserIDs` → user, ids),
 * mixed-case brand words (`GitHub` → github, `OAuth2` → oauth2) and accented letters.
 * Digits stay attached to the word they follow (`v1`, `sha256`); a leading digit starts its own word (`2fa`).
 */
export function splitWords(raw: string): string[] {
  const ascii = raw.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const branded = ascii.replace(MIXED_CASE_WORDS, (word) => word.charAt(0) + word.slice(1).toLowerCase());
  const chunks = branded.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const words: string[] = [];
  for (const chunk of chunks) {
    const parts =
      chunk.match(/[A-Z]{2,}s(?=[A-Z0-9]|$)|[A-Z]+\d*(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+[a-z]*/g) ??
      [];
    for (const part of parts) words.push(part.toLowerCase());
  }
  return words;
}

/** `splitWords`, or `fallback` when the name has no letters or digits at all. */
export function wordsOr(raw: string, fallback: string[]): string[] {
  const words = splitWords(raw);
  return words.length > 0 ? words : fallback;
}

/** Crude English singular for matching resource names (`bots` → `bot`, `categories` → `category`). */
export function singular(word: string): string {
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}
