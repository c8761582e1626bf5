import type { Json } from "../ir/json";
import { type IR, IR_VERSION } from "../ir/types";
import { wordsOr } from "../naming/words";
import { impliedSecurity, planClient } from "./client";
import { planContext } from "./context";
import { PlanError } from "./errors";
import { buildIndex } from "./lookup";
import { planModels } from "./models";
import { WordScope } from "./names";
import { planResources } from "./resources";
import { SpecDetails } from "./spec-details";
import { PLAN_VERSION, type SdkPlan } from "./types";
import { planWebhooks } from "./webhooks";

export interface BuildPlanOptions {
  /**
   * The bundled, normalised document the IR was built from (`LoadedSpec.document`); supplies what the IR
   * leaves out (header names documented under `components`). Without it the plan uses conventional names.
   */
  document?: Json;
}

/**
 * Build the SDK plan from an IR. Pure: same IR (and document) in, same plan out. Type names are claimed in one
 * scope in this order: models (components first), the client, the webhook event union, resources, params
 * types; a later name that collides steps aside (see `WordScope`).
 */
export function buildPlan(ir: IR, options: BuildPlanOptions = {}): SdkPlan {
  if (ir.irVersion !== IR_VERSION) throw new PlanError(`IR version ${ir.irVersion} is not ${IR_VERSION}`);
  const context = planContext(ir, new SpecDetails(options.document));
  const scope = new WordScope();
  const models = planModels(ir.models, scope);
  const clientWords = wordsOr(ir.sdk.clientName, ["client"]);
  const client = planClient(context, scope.claim(clientWords, [...clientWords, "client"]));
  context.impliedSecurity = impliedSecurity(client.auth, ir);
  const webhooks = planWebhooks(context, scope);
  const resources = planResources(context, scope, webhooks?.signature !== undefined);
  return {
    planVersion: PLAN_VERSION,
    irVersion: ir.irVersion,
    source: { ...ir.source },
    info: { ...ir.info },
    sdk: { packageName: ir.sdk.packageName, origin: ir.sdk.origin },
    client,
    resources,
    models,
    ...(webhooks ? { webhooks } : {}),
    index: buildIndex(models, resources),
  };
}
