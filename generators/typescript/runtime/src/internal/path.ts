import { InvalidParameterError } from "../core/error";

/**
 * Encodes one path parameter. Rejects missing and empty values and the dot segments "." and ".." (which a URL
 * parser would resolve, sending the request to another resource) before any request is made.
 */
export function encodePath(value: string | number | null | undefined, name = "path parameter"): string {
  if (value === undefined || value === null) {
    throw new InvalidParameterError(name, `Missing required path parameter "${name}".`);
  }
  const text = String(value);
  if (text.trim() === "") {
    throw new InvalidParameterError(name, `Path parameter "${name}" must be a non-empty string.`);
  }
  if (text === "." || text === "..") {
    throw new InvalidParameterError(name, `Path parameter "${name}" cannot be "${text}".`);
  }
  return encodeURIComponent(text);
}
