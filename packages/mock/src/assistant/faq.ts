/** A canned answer chosen when every keyword group has a word in the visitor's message. */
interface FaqEntry {
  topic: string;
  keywords: readonly (readonly string[])[];
  answer: string;
}

export const FAQ: readonly FaqEntry[] = [
  {
    topic: "international_shipping",
    keywords: [
      ["ship", "shipping", "deliver", "delivery"],
      ["international", "internationally", "abroad", "countries", "country"],
    ],
    answer: "Yes! We ship to 42 countries. Delivery to the EU takes 3–5 business days.",
  },
  {
    topic: "shipping",
    keywords: [["ship", "shipping", "deliver", "delivery"]],
    answer: "Orders ship within 1 business day; standard delivery takes 2–4 business days.",
  },
  {
    topic: "returns",
    keywords: [["return", "returns", "refund", "exchange"]],
    answer: "You can return unused items within 30 days for a full refund.",
  },
  {
    topic: "payment",
    keywords: [["pay", "payment", "card", "paypal", "klarna"]],
    answer: "We accept cards, PayPal and Klarna.",
  },
  {
    topic: "hours",
    keywords: [["hours", "open", "opening"]],
    answer: "Our team is available Monday to Friday, 9:00–18:00 CET; I'm here around the clock.",
  },
];

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The first FAQ entry whose keyword groups all appear in `text`. */
export function answerFromFaq(text: string): FaqEntry | undefined {
  const present = new Set(words(text));
  return FAQ.find((entry) => entry.keywords.every((group) => group.some((word) => present.has(word))));
}
