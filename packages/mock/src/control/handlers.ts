import { HttpResponse, http, type RequestHandler } from "msw";
import type { MockContext } from "../context";
import type { ActiveFault } from "../faults/fault-queue";
import { subscribe } from "../handlers/webhooks";
import { errorResponse } from "../policies/errors";
import { rotateSecret } from "../webhooks/rotation";
import { conversationRoutes } from "./conversations";
import {
  readConfigUpdate,
  readEventTrigger,
  readFaultRule,
  readJsonObject,
  readKeyRegistration,
  readRotation,
  readSubscription,
} from "./payloads";
import { CONTROL_PREFIX, control } from "./route";

export { CONTROL_PREFIX } from "./route";

function describeFault(fault: ActiveFault) {
  const { rule } = fault;
  return {
    id: fault.id,
    method: fault.method,
    path: fault.path,
    times: fault.times,
    remaining: fault.remaining,
    status: rule.status ?? null,
    retry_after: rule.retryAfter ?? null,
    drop: rule.drop ?? false,
    delay_ms: rule.delayMs ?? null,
  };
}

function configuration(context: MockContext) {
  return {
    rate_limit: { limit: context.rateLimiter.limit, window_ms: context.rateLimiter.windowMs },
    webhook_schedule: context.webhooks.currentSchedule(),
  };
}

function faultRoutes(context: MockContext, base: string): RequestHandler[] {
  return [
    http.get(
      `${base}/faults`,
      control(context, () => HttpResponse.json({ data: context.faults.list().map(describeFault) })),
    ),
    http.post(
      `${base}/faults`,
      control(context, async (request) => {
        const fault = context.faults.add(readFaultRule(await readJsonObject(request)));
        return HttpResponse.json(describeFault(fault), { status: 201 });
      }),
    ),
    http.delete(
      `${base}/faults`,
      control(context, () => {
        context.faults.clear();
        return HttpResponse.json({ deleted: true });
      }),
    ),
    http.delete(
      `${base}/faults/:id`,
      control(context, (_request, params) => {
        return HttpResponse.json({ id: params.id, deleted: context.faults.remove(String(params.id)) });
      }),
    ),
  ];
}

function keyRoutes(context: MockContext, base: string): RequestHandler[] {
  return [
    http.get(
      `${base}/keys`,
      control(context, () => HttpResponse.json({ data: context.keys.list() })),
    ),
    http.post(
      `${base}/keys`,
      control(context, async (request) => {
        const { key, scopes } = readKeyRegistration(await readJsonObject(request));
        return HttpResponse.json(context.keys.register(key, scopes), { status: 201 });
      }),
    ),
    http.delete(
      `${base}/keys/:key`,
      control(context, (_request, params) => {
        return HttpResponse.json({ key: params.key, deleted: context.keys.revoke(String(params.key)) });
      }),
    ),
  ];
}

function observationRoutes(context: MockContext, base: string): RequestHandler[] {
  return [
    http.get(
      `${base}/requests`,
      control(context, (request) => {
        const query = new URL(request.url).searchParams;
        const filter = {
          method: query.get("method") ?? undefined,
          path: query.get("path") ?? undefined,
          operationId: query.get("operation_id") ?? undefined,
        };
        return HttpResponse.json({ data: context.requests.list(filter) });
      }),
    ),
    http.delete(
      `${base}/requests`,
      control(context, () => {
        context.requests.clear();
        return HttpResponse.json({ deleted: true });
      }),
    ),
    http.get(
      `${base}/events`,
      control(context, () => HttpResponse.json({ data: context.webhooks.events() })),
    ),
    http.post(
      `${base}/events`,
      control(context, async (request) => {
        const { type, data } = readEventTrigger(await readJsonObject(request));
        const event = context.webhooks.emit(type, data);
        return HttpResponse.json(event, { status: 201 });
      }),
    ),
    http.get(
      `${base}/deliveries`,
      control(context, () => HttpResponse.json({ data: context.webhooks.deliveries() })),
    ),
  ];
}

/** Subscriptions to any URL (the API only takes https://), so local test receivers can get deliveries. */
function webhookRoutes(context: MockContext, base: string): RequestHandler[] {
  return [
    http.post(
      `${base}/webhooks`,
      control(context, async (request) => {
        const subscription = subscribe(context, readSubscription(await readJsonObject(request)));
        return HttpResponse.json(subscription, { status: 201 });
      }),
    ),
    http.post(
      `${base}/webhooks/:id/rotate-secret`,
      control(context, async (request, params) => {
        const graceMs = readRotation(await readJsonObject(request));
        return HttpResponse.json(rotateSecret(context, String(params.id), graceMs));
      }),
    ),
  ];
}

function lifecycleRoutes(context: MockContext, base: string, reset: () => void): RequestHandler[] {
  return [
    http.get(`${base}/health`, () => HttpResponse.json({ ok: true })),
    http.post(
      `${base}/reset`,
      control(context, () => {
        reset();
        return HttpResponse.json({ reset: true });
      }),
    ),
    http.get(
      `${base}/config`,
      control(context, () => HttpResponse.json(configuration(context))),
    ),
    http.post(
      `${base}/config`,
      control(context, async (request) => {
        const update = readConfigUpdate(await readJsonObject(request));
        if (update.rateLimit) context.rateLimiter.configure(update.rateLimit);
        if (update.webhookSchedule) context.webhooks.configure(update.webhookSchedule);
        return HttpResponse.json(configuration(context));
      }),
    ),
  ];
}

/** The `/__mock/*` endpoints, plus a 404 for anything else under the prefix. */
export function controlHandlers(context: MockContext, reset: () => void): RequestHandler[] {
  const base = `*${CONTROL_PREFIX}`;
  return [
    ...lifecycleRoutes(context, base, reset),
    ...faultRoutes(context, base),
    ...keyRoutes(context, base),
    ...observationRoutes(context, base),
    ...webhookRoutes(context, base),
    ...conversationRoutes(context, base),
    http.all(
      `${base}/*`,
      control(context, (request) => {
        const path = new URL(request.url).pathname;
        return errorResponse(
          {
            status: 404,
            code: "route_not_found",
            message: `No control endpoint ${request.method} ${path}.`,
          },
          context.requestIds.next(),
        );
      }),
    ),
  ];
}
