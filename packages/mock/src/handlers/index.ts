import type { RequestHandler } from "msw";
import type { MockContext } from "../context";
import { analyticsHandlers } from "./analytics";
import { botHandlers } from "./bots";
import { conversationHandlers } from "./conversations";
import { fallbackHandler } from "./fallback";
import { leadHandlers } from "./leads";
import { productHandlers } from "./products";
import { webhookHandlers } from "./webhooks";

/** Every API operation, then the 404/405 fallback for the rest of `/v1`. */
export function apiHandlers(context: MockContext): RequestHandler[] {
  return [
    ...botHandlers(context),
    ...conversationHandlers(context),
    ...leadHandlers(context),
    ...productHandlers(context),
    ...analyticsHandlers(context),
    ...webhookHandlers(context),
    fallbackHandler(context),
  ];
}
