import type { MockContext } from "../context";
import { invalidRequest } from "../policies/errors";
import { operation } from "../policies/pipeline";
import type { Schemas } from "../store/types";
import { api } from "./http";

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366;
/** Synthetic figures: revenue attributed per captured lead, in EUR cents, and a fixed first-response time. */
const REVENUE_PER_LEAD = 12_500;
const FIRST_RESPONSE_MS = 980;

function daysBetween(start: string, end: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(start); time <= Date.parse(end); time += DAY_MS)
    days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** Checks the span arithmetically before listing its days, so a huge range costs nothing. */
function assertRange(start: string, end: string): string[] {
  if (start > end)
    throw invalidRequest("invalid_date_range", "start_date must not be after end_date.", "start_date", 422);
  const spanDays = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
  if (!(spanDays <= MAX_RANGE_DAYS)) {
    throw invalidRequest(
      "date_range_too_long",
      `The range may span at most ${MAX_RANGE_DAYS} days.`,
      "end_date",
      422,
    );
  }
  return daysBetween(start, end);
}

/** KPIs computed from the store: conversations by start day, leads by capture day, handoffs and messages. */
export function overview(
  context: MockContext,
  start: string,
  end: string,
  botId: string | null,
): Schemas["AnalyticsOverview"] {
  const days = assertRange(start, end);
  const inRange = (instant: string) => days.includes(instant.slice(0, 10));
  const ofBot = (item: { bot_id: string }) => botId === null || item.bot_id === botId;
  const conversations = context.store.conversations.all().filter((c) => ofBot(c) && inRange(c.started_at));
  const leads = context.store.leads.all().filter((lead) => ofBot(lead) && inRange(lead.captured_at));
  const handoffs = conversations.filter((c) => c.handoff !== null || c.status === "handed_off").length;
  return {
    object: "analytics_overview",
    start_date: start,
    end_date: end,
    bot_id: botId,
    conversations: conversations.length,
    messages: conversations.reduce((sum, c) => sum + c.message_count, 0),
    leads_captured: leads.length,
    handoffs,
    resolution_rate: conversations.length ? (conversations.length - handoffs) / conversations.length : 0,
    avg_first_response_ms: conversations.length ? FIRST_RESPONSE_MS : 0,
    revenue_attributed: { amount: leads.length * REVENUE_PER_LEAD, currency: "EUR" },
    daily: days.map((date) => ({
      date,
      conversations: conversations.filter((c) => c.started_at.startsWith(date)).length,
      leads_captured: leads.filter((lead) => lead.captured_at.startsWith(date)).length,
    })),
  };
}

export function analyticsHandlers(context: MockContext) {
  return [
    api.get(
      "/analytics/overview",
      operation(context, "getAnalyticsOverview", ({ response }, input) => {
        const {
          start_date: start,
          end_date: end,
          bot_id: botId,
        } = input.query as Record<string, string | undefined>;
        return response(200).json(overview(context, String(start), String(end), botId ?? null));
      }),
    ),
  ];
}
