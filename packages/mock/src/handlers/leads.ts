import type { MockContext } from "../context";
import { conflict } from "../policies/errors";
import { operation } from "../policies/pipeline";
import { paginate } from "../store/cursor";
import { timestamp } from "../store/ids";
import type { LeadExport, Schemas } from "../store/types";
import { api } from "./http";
import { assertTimeRange, matchesFilters, pageParams, pickFilters } from "./list-query";

/** Queues an export and marks the lead exported; exporting an exported lead again is a 409. */
function exportLead(context: MockContext, leadId: string, body: Schemas["LeadExportRequest"]): LeadExport {
  const lead = context.store.leads.require(leadId);
  if (lead.status === "exported")
    throw conflict("lead_already_exported", `Lead ${leadId} has already been exported.`);
  const exported: LeadExport = {
    id: context.store.ids.next("exp"),
    object: "lead_export",
    lead_id: leadId,
    destination: body.destination,
    status: "queued",
    external_id: null,
    created_at: timestamp(context.now()),
  };
  context.store.leadExports.put(exported);
  context.store.leads.put({ ...lead, status: "exported" });
  return exported;
}

export function leadHandlers(context: MockContext) {
  return [
    api.get(
      "/leads",
      operation(context, "listLeads", ({ response }, input) => {
        const filters = pickFilters(input, ["bot_id", "status", "created_after", "created_before"]);
        assertTimeRange(filters);
        return response(200).json(
          paginate({
            list: "leads",
            records: context.store.leads,
            ...pageParams(input),
            filters,
            matches: (lead, active) => matchesFilters(lead, lead.captured_at, active),
          }),
        );
      }),
    ),
    api.get(
      "/leads/{lead_id}",
      operation(context, "getLead", ({ params, response }) =>
        response(200).json(context.store.leads.require(params.lead_id)),
      ),
    ),
    api.post(
      "/leads/{lead_id}/export",
      operation(context, "exportLead", async ({ params, request, response }) =>
        response(202).json(exportLead(context, params.lead_id, await request.json())),
      ),
    ),
  ];
}
