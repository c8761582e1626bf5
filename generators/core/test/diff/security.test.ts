import { describe } from "vitest";
import { type Doc, fixture, node, type Rule, ruleTable } from "./helpers";

const sales = (doc: Doc) => node(doc, "paths", "/reports/sales", "get");
const needs =
  (...scopes: string[]) =>
  (doc: Doc) =>
    (sales(doc).security = [{ bearerAuth: scopes }]);
const withKeyAuth = (doc: Doc) =>
  (node(doc, "components", "securitySchemes").keyAuth = { type: "apiKey", in: "header", name: "X-Key" });

/**
 * A method's security: who can still call it. Scopes and credentials are not part of a signature, so every
 * language reads the change alike: a key that worked must keep working (else breaking).
 */
const RULES: Rule[] = [
  {
    rule: "a method needs one more scope: keys without it are refused",
    given: needs("reports:read"),
    edit: needs("reports:read", "reports:export"),
    change: /^methods\/reports\.getSalesReport: scopes reports:read → reports:export, reports:read$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a method's scope replaced by another",
    given: needs("reports:read"),
    edit: needs("reports:write"),
    change: /^methods\/reports\.getSalesReport: scopes reports:read → reports:write$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a method needs a scope where it needed none",
    edit: needs("reports:read"),
    change: /^methods\/reports\.getSalesReport: scopes none → reports:read$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a method needs fewer scopes: more keys may call it",
    given: needs("reports:read", "reports:export"),
    edit: needs("reports:read"),
    change: /^methods\/reports\.getSalesReport: scopes reports:export, reports:read → reports:read$/,
    alone: true,
    levels: "additive",
  },
  {
    rule: "another scope accepted as an alternative",
    given: needs("reports:read"),
    edit: (doc) => (sales(doc).security = [{ bearerAuth: ["reports:read"] }, { bearerAuth: ["admin"] }]),
    change:
      /^methods\/reports\.getSalesReport: auth bearerAuth \[reports:read\] → bearerAuth \[reports:read\] or bearerAuth \[admin\]$/,
    alone: true,
    levels: "additive",
  },
  {
    rule: "a second credential now required with the first (AND): breaking",
    given: withKeyAuth,
    edit: (doc) => (sales(doc).security = [{ bearerAuth: [], keyAuth: [] }]),
    change: /^methods\/reports\.getSalesReport: auth bearerAuth → bearerAuth \+ keyAuth$/,
    levels: "breaking",
  },
  {
    rule: "another credential accepted instead (OR): additive",
    given: withKeyAuth,
    edit: (doc) => (sales(doc).security = [{ bearerAuth: [] }, { keyAuth: [] }]),
    change: /^methods\/reports\.getSalesReport: auth bearerAuth → bearerAuth or keyAuth$/,
    levels: "additive",
  },
  {
    rule: "an accepted credential dropped (OR → one): breaking",
    given: (doc) => {
      withKeyAuth(doc);
      sales(doc).security = [{ bearerAuth: [] }, { keyAuth: [] }];
      node(doc, "paths", "/items", "get").security = [{ keyAuth: [] }];
    },
    edit: (doc) => (sales(doc).security = [{ bearerAuth: [] }]),
    change: /^methods\/reports\.getSalesReport: auth bearerAuth or keyAuth → bearerAuth$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "alternatives reordered: the same keys work",
    given: (doc) => {
      withKeyAuth(doc);
      sales(doc).security = [{ bearerAuth: [] }, { keyAuth: [] }];
    },
    edit: (doc) => (sales(doc).security = [{ keyAuth: [] }, { bearerAuth: [] }]),
    change: /^methods\/reports\.getSalesReport: auth bearerAuth or keyAuth → keyAuth or bearerAuth$/,
    alone: true,
    levels: "none",
  },
  {
    rule: "optional auth (`{}` alternative) made mandatory",
    given: (doc) => (sales(doc).security = [{}, { bearerAuth: [] }]),
    edit: (doc) => (sales(doc).security = [{ bearerAuth: [] }]),
    change: /^methods\/reports\.getSalesReport: now requires auth \(bearerAuth\)$/,
    alone: true,
    levels: "breaking",
  },
  {
    rule: "a scope added on the root requirement reaches every inheriting method",
    edit: (doc) => (doc.security = [{ bearerAuth: ["shop"] }]),
    change: /^methods\/items\.list: scopes none → shop$/,
    levels: "breaking",
  },
];

describe("diff: method security — scopes and required credentials", () => {
  ruleTable(fixture("shop.yaml"), RULES);
});
