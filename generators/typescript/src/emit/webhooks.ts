import type { SdkPlan } from "@embott/codegen-core";
import { CodeWriter } from "../printer";
import { tsHeader } from "./header";
import { ImportSet } from "./imports";
import type { TsNames } from "./names";
import { newUsage, TYPES_NAMESPACE, type TypePrinter } from "./type-printer";

export const WEBHOOK_EVENTS_FILE = "webhook-events.ts";

/** The type `client.webhooks.unwrap()` returns, and where it is declared. */
export interface WebhookTypes {
  /** Type expression of any event (`Types.WebhookEvent`, `WebhookEvent`, `unknown`). */
  type: string;
  /** Module declaring our own union (relative to `src/`, no extension), when the spec names none. */
  module?: string;
  /** Our own union's name, exported from the package root. */
  ownUnion?: string;
  /** The type refers to `Types.*`. */
  usesTypes: boolean;
}

/** The event type of the plan's webhooks: an existing component union, our own union, or `unknown`. */
export function webhookTypes(plan: SdkPlan, names: TsNames): WebhookTypes | undefined {
  const union = plan.webhooks?.union;
  if (!union) return undefined;
  if ("existing" in union)
    return { type: `${TYPES_NAMESPACE}.${names.model(union.existing)}`, usesTypes: true };
  if ("none" in union) return { type: "unknown", usesTypes: false };
  const name = names.typeName(union.name);
  return { type: name, module: WEBHOOK_EVENTS_FILE.replace(/\.ts$/, ""), ownUnion: name, usesTypes: false };
}

/** `webhook-events.ts`: the union of every event payload, when the spec does not already name one. */
export function renderWebhookEvents(
  plan: SdkPlan,
  webhooks: WebhookTypes,
  types: TypePrinter,
  specLabel: string,
): string | undefined {
  if (!webhooks.ownUnion) return undefined;
  const usage = newUsage();
  const members = [
    ...new Set((plan.webhooks?.events ?? []).map((event) => types.print(event.payload, usage))),
  ];
  const writer = new CodeWriter().line(tsHeader(specLabel)).blank();
  if (usage.types) new ImportSet(WEBHOOK_EVENTS_FILE).namespace("types.gen", TYPES_NAMESPACE).write(writer);
  writer.blank().doc("Every webhook event payload the API delivers; narrow it on its discriminating field.");
  writer.line(`export type ${webhooks.ownUnion} =`);
  writer.indented(() => {
    members.forEach((member, index) => {
      writer.line(`| ${member}${index === members.length - 1 ? ";" : ""}`);
    });
  });
  return writer.toString();
}
