import { describe, expect, it } from "vitest";
import { irOf, spec } from "../helpers/build";

/** [tag (resource), operationId, expected method] — real Intercom, Redocly museum and Discord operations. */
const GOLDEN: [string, string, string][] = [
  ["Companies", "attachContactToACompany", "attachContactToACompany"],
  ["Companies", "detachContactFromACompany", "detachContactFromACompany"],
  ["Companies", "ListAttachedSegmentsForCompanies", "listAttachedSegmentsForCompanies"],
  ["Companies", "createOrUpdateCompany", "createOrUpdate"],
  ["Companies", "listAllCompanies", "listAll"],
  ["Companies", "scrollOverAllCompanies", "scrollOverAll"],
  ["Companies", "retrieveCompany", "retrieve"],
  ["Contacts", "listCompaniesForAContact", "listCompaniesForAContact"],
  ["Contacts", "ListContacts", "list"],
  ["Conversations", "attachContactToConversation", "attachContactToConversation"],
  ["Conversations", "convertConversationToTicket", "convertConversationToTicket"],
  ["Notes", "listCompanyNotes", "listCompanyNotes"],
  ["Tickets", "buyMuseumTickets", "buyMuseumTickets"],
  ["Tickets", "getTicketCode", "getTicketCode"],
  ["Events", "listSpecialEvents", "listSpecialEvents"],
  ["Events", "createSpecialEvent", "createSpecialEvent"],
  ["Guilds", "banUserFromGuild", "banUserFromGuild"],
  ["Jobs", "jobsStatus", "status"],
];

describe("method names inferred from operationIds", () => {
  it("strips the resource only when the rest is still a sensible method", () => {
    const paths = Object.fromEntries(
      GOLDEN.map(([tag, operationId]) => [
        `/${operationId}`,
        { get: { tags: [tag], operationId, responses: { 204: { description: "ok" } } } },
      ]),
    );
    const ir = irOf(spec(paths));
    const named = new Map(
      ir.resources.flatMap((resource) =>
        resource.operations.map((operation) => [operation.operationId, operation.name.raw]),
      ),
    );
    expect(GOLDEN.map(([, operationId]) => [operationId, named.get(operationId)])).toEqual(
      GOLDEN.map(([, operationId, expected]) => [operationId, expected]),
    );
  });
});
