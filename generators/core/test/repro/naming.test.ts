import { describe, expect, it } from "vitest";
import { splitWords } from "../../src/index";
import { irOf, spec } from "../helpers/build";
import { reproIR } from "../helpers/repro";

describe("repro naming.yaml: names a person would write from raw operationIds", async () => {
  const { ir } = await reproIR("naming.yaml");
  const names = Object.fromEntries(
    ir.resources.flatMap((resource) =>
      resource.operations.map((operation) => [operation.operationId, operation.id]),
    ),
  );

  it("collection GET is list, item GET get, collection POST create; no …2 suffixes", () => {
    expect(names).toEqual({
      "get-bookings": "bookings.list",
      "get-booking": "bookings.get",
      GetCustomers: "customers.list",
      PostCustomers: "customers.create",
      GetCustomersCustomer: "customers.get",
      "issues/list-labels-on-issue": "issues.listLabelsOnIssue",
    });
  });
});

describe("raw operationIds and run-together words", () => {
  const ids = (paths: Record<string, Record<string, string>>) => {
    const document = spec(
      Object.fromEntries(
        Object.entries(paths).map(([path, methods]) => [
          path,
          Object.fromEntries(
            Object.entries(methods).map(([method, operationId]) => [
              method,
              { operationId, tags: ["customers"], responses: { 204: { description: "ok" } } },
            ]),
          ),
        ]),
      ),
    );
    return irOf(document)
      .resources.flatMap((resource) => resource.operations)
      .map((operation) => `${operation.operationId} → ${operation.name.raw}`);
  };

  it("names Stripe-style ids from method + path: update, delete, nested lists and creates", () => {
    expect(
      ids({
        "/v1/customers/{customer}": { post: "PostCustomersCustomer", delete: "DeleteCustomersCustomer" },
        "/v1/customers/{customer}/sources": {
          get: "GetCustomersCustomerSources",
          post: "PostCustomersCustomerSources",
        },
        "/v1/customers/{customer}/sources/{id}": { get: "GetCustomersCustomerSourcesId" },
      }),
    ).toEqual([
      "PostCustomersCustomerSources → createSource",
      "DeleteCustomersCustomer → delete",
      "GetCustomersCustomerSourcesId → getSource",
      "GetCustomersCustomerSources → listSources",
      "PostCustomersCustomer → update",
    ]);
  });

  it("splits lowercase run-together words with the path's words", () => {
    expect(ids({ "/customers/{id}/labels": { get: "listlabelsforcustomer" } })).toEqual([
      "listlabelsforcustomer → listLabelsForCustomer",
    ]);
  });

  it("keeps human operationIds that merely start with get", () => {
    expect(ids({ "/tickets/{id}/code": { get: "getTicketCode" } })).toEqual([
      "getTicketCode → getTicketCode",
    ]);
  });
});

describe("brand words and acronyms", () => {
  it.each([
    ["GitHub v3 REST API", "GitHub", "github", "GITHUB_API_KEY"],
    ["OpenAI API", "OpenAI", "openai", "OPENAI_API_KEY"],
    ["Acme Widgets HTTP API (Preview)", "AcmeWidgets", "acme-widgets", "ACME_WIDGETS_API_KEY"],
    ["NASA Open APIs", "NasaOpen", "nasa-open", "NASA_OPEN_API_KEY"],
  ])("%s → %s, %s, %s", (title, clientName, packageName, apiKeyEnv) => {
    const ir = irOf({ ...spec({}), info: { title, version: "1" } });
    expect(ir.sdk).toMatchObject({ clientName, packageName, apiKeyEnv });
  });

  it.each([
    ["ApiKey", ["api", "key"]],
    ["APIKey", ["api", "key"]],
    ["UserIDs", ["user", "ids"]],
    ["listAPIs", ["list", "apis"]],
    ["OAuth2Token", ["oauth2", "token"]],
    ["IPv4Address", ["ipv4", "address"]],
    ["GitHubApp", ["github", "app"]],
  ])("splits %s into %j", (raw, words) => expect(splitWords(raw)).toEqual(words));
});
