import { answerFromFaq, words } from "./faq";

/** The product fields a reply quotes. */
export interface CatalogItem {
  name: string;
  url: string;
  in_stock: boolean;
  price: { amount: number; currency: string };
}

export interface AssistantReply {
  content: string;
  /** What produced the answer, stored in the message metadata. */
  source: "catalog" | "faq" | "fallback";
}

export const FALLBACK_ANSWER =
  "I'm not sure about that one. Would you like me to connect you with a member of our team?";

const STOP_WORDS = new Set([
  "the",
  "a",
  "an",
  "is",
  "do",
  "you",
  "have",
  "it",
  "of",
  "for",
  "and",
  "in",
  "to",
]);

export function formatPrice(price: CatalogItem["price"]): string {
  return `${(price.amount / 100).toFixed(2)} ${price.currency}`;
}

/** The catalog item sharing the most meaningful words with the question (ties: catalog order). */
export function findProduct(text: string, catalog: readonly CatalogItem[]): CatalogItem | undefined {
  const asked = new Set(words(text).filter((word) => !STOP_WORDS.has(word)));
  let best: { item: CatalogItem; score: number } | undefined;
  for (const item of catalog) {
    const score = words(item.name).filter((word) => asked.has(word)).length;
    if (score > 0 && (!best || score > best.score)) best = { item, score };
  }
  return best?.item;
}

/** A deterministic answer: a matching product first, then the FAQ, else an offer to hand off. */
export function composeReply(text: string, catalog: readonly CatalogItem[]): AssistantReply {
  const product = findProduct(text, catalog);
  if (product) {
    const stock = product.in_stock ? "It's in stock" : "It's currently out of stock";
    return {
      content: `The ${product.name} costs ${formatPrice(product.price)}. ${stock}: ${product.url}`,
      source: "catalog",
    };
  }
  const faq = answerFromFaq(text);
  if (faq) return { content: faq.answer, source: "faq" };
  return { content: FALLBACK_ANSWER, source: "fallback" };
}

/** Splits a reply into SSE deltas of one word each (with its trailing whitespace); joined they give the reply. */
export function tokenize(content: string): string[] {
  return content.match(/\s*\S+\s*/g) ?? [content];
}
