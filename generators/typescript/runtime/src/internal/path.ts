import { InvalidParameterError } from "../core/error";
import { encodeRFC3986, scalarText } from "./query";

/**
 * Encodes one path parameter (`simple` style: arrays joined with `,`). Every character but `A-Z a-z 0-9 - . _
 * ~` is percent-encoded, so dots stay and `/`, `?`, `#` cannot change the route. Rejects missing and empty
 * values and the dot segments "." and ".." (which a URL parser would resolve, sending the request to another
 * resource) before any request is made.
 */
export function encodePath(value: unknown, name = "path parameter"): string {
  if (value === undefined || value === null) {
    throw new InvalidParameterError(name, `Missing required path parameter "${name}".`);
  }
  const text = Array.isArray(value) ? value.map(scalarText).join(",") : scalarText(value);
  if (text.trim() === "") {
    throw new InvalidParameterError(name, `Path parameter "${name}" must be a non-empty string.`);
  }
  if (text === "." || text === "..") {
    throw new InvalidParameterError(name, `Path parameter "${name}" cannot be "${text}".`);
  }
  return Array.isArray(value)
    ? value.map((item) => encodeRFC3986(scalarText(item))).join(",")
    : encodeRFC3986(text);
}
