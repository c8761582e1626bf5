import type { RequestHandler } from "msw";
import type { MockContext } from "../context";
import { botHandlers } from "./bots";
import { fallbackHandler } from "./fallback";

/** Every API operation, then the 404/405 fallback for the rest of `/v1`. */
export function apiHandlers(context: MockContext): RequestHandler[] {
  return [...botHandlers(context), fallbackHandler(context)];
}
