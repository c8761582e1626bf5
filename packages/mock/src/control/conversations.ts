import { HttpResponse, http, type RequestHandler } from "msw";
import type { MockContext } from "../context";
import { acceptHandoff, closeConversation } from "../handlers/conversation-lifecycle";
import { invalidRequest } from "../policies/errors";
import { assertKnownKeys, readJsonObject } from "./payloads";
import { control } from "./route";

/** What an agent or a visitor would do outside the API: accept a handoff, end a conversation. */
export function conversationRoutes(context: MockContext, base: string): RequestHandler[] {
  return [
    http.post(
      `${base}/conversations/:id/accept-handoff`,
      control(context, async (request, params) => {
        assertKnownKeys(await readJsonObject(request), []);
        return HttpResponse.json(acceptHandoff(context, String(params.id)));
      }),
    ),
    http.post(
      `${base}/conversations/:id/close`,
      control(context, async (request, params) => {
        const body = await readJsonObject(request);
        assertKnownKeys(body, ["reason"]);
        if (body.reason !== undefined && typeof body.reason !== "string")
          throw invalidRequest("parameter_invalid", "reason must be a string.", "reason");
        return HttpResponse.json(closeConversation(context, String(params.id), body.reason));
      }),
    ),
  ];
}
