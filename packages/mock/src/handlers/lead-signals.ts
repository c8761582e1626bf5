import type { MockContext } from "../context";
import type { ConversationDetail, Lead, Message } from "../store/types";

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
/** Words that show purchase intent; each visitor message with one raises the conversation's leads' score. */
const BUYING_INTENT = /\b(buy|order|purchase|checkout|quote)\b/i;
export const INTENT_SCORE_STEP = 20;
/** A `new` lead whose score reaches this becomes `qualified` (and `lead.qualified` is emitted). */
export const QUALIFIED_SCORE = 70;

function landingPage(conversation: ConversationDetail): string {
  const page = conversation.metadata.page;
  return `https://shop.example${page?.startsWith("/") ? page : "/"}`;
}

/** An email address in a visitor message captures a lead (once per conversation and address). */
export function captureLead(context: MockContext, conversation: ConversationDetail, input: Message): void {
  const email = EMAIL.exec(input.content)?.[0];
  if (!email) return;
  const leads = context.store.leads.all();
  if (leads.some((lead) => lead.conversation_id === conversation.id && lead.email === email)) return;
  const lead: Lead = {
    id: context.store.ids.next("lead"),
    object: "lead",
    bot_id: conversation.bot_id,
    conversation_id: conversation.id,
    name: conversation.visitor.name ?? email.split("@")[0] ?? email,
    email,
    phone: conversation.visitor.phone ?? null,
    status: "new",
    score: 50,
    attribution: {
      source: "direct",
      medium: "chat",
      campaign: null,
      referrer: null,
      landing_page: landingPage(conversation),
    },
    custom_fields: {},
    captured_at: input.created_at,
  };
  context.store.leads.put(lead);
  conversation.visitor = { ...conversation.visitor, email };
  context.webhooks.emit("lead.captured", lead);
}

/**
 * A visitor message with buying intent raises the score of the conversation's leads by
 * {@link INTENT_SCORE_STEP}; a `new` lead crossing {@link QUALIFIED_SCORE} becomes `qualified` and emits
 * `lead.qualified`.
 */
export function scoreLeads(context: MockContext, conversation: ConversationDetail, input: Message): void {
  if (!BUYING_INTENT.test(input.content)) return;
  const leads = context.store.leads.all().filter((lead) => lead.conversation_id === conversation.id);
  for (const lead of leads) {
    const score = Math.min(100, lead.score + INTENT_SCORE_STEP);
    const qualifies = lead.status === "new" && lead.score < QUALIFIED_SCORE && score >= QUALIFIED_SCORE;
    const updated: Lead = { ...lead, score, status: qualifies ? "qualified" : lead.status };
    context.store.leads.put(updated);
    if (qualifies) context.webhooks.emit("lead.qualified", updated);
  }
}
