/** Casing styles every language refiner chooses from. */
export type Casing = "camel" | "pascal" | "snake" | "screamingSnake" | "kebab";

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Join neutral words in one casing style. */
export function applyCasing(words: readonly string[], casing: Casing): string {
  switch (casing) {
    case "camel":
      return words.map((word, index) => (index === 0 ? word : capitalize(word))).join("");
    case "pascal":
      return words.map(capitalize).join("");
    case "snake":
      return words.join("_");
    case "screamingSnake":
      return words.join("_").toUpperCase();
    case "kebab":
      return words.join("-");
  }
}

export const camelCase = (words: readonly string[]): string => applyCasing(words, "camel");
export const pascalCase = (words: readonly string[]): string => applyCasing(words, "pascal");
export const snakeCase = (words: readonly string[]): string => applyCasing(words, "snake");
