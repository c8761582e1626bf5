import { DEFAULT_REQUEST_ID_HEADER, SDKError } from "../core/error";
import type { RequestSpec } from "../core/options";

/** Reads a success body: binary when asked, JSON when the content type says so, text otherwise, null when empty. */
export async function readSuccessBody(
  response: Response,
  asBinary: RequestSpec["asBinary"],
  requestIdHeader = DEFAULT_REQUEST_ID_HEADER,
): Promise<unknown> {
  if (asBinary === "blob") return response.blob();
  if (asBinary) return response.arrayBuffer();
  const text = await response.text();
  if (response.status === 204 || response.status === 205 || text === "") return null;
  if (!isJSONContentType(response.headers.get("content-type"))) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    const requestId = response.headers.get(requestIdHeader);
    throw new SDKError(
      `The API answered ${response.status} with invalid JSON${requestId ? ` (request ${requestId})` : ""}.`,
      { cause: error },
    );
  }
}

/** Reads an error body as JSON when possible, else as text; an empty body becomes undefined. */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function isJSONContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || mediaType.endsWith("+json");
}
