// What the platform page (/work/shared/seeds/000_…) and the agreed API table promise; the spec is held to it.

/** The 15 endpoints of the seed's Resources table, verbatim ("DEL" spelled out). */
export const SEED_ENDPOINTS = [
  "GET /v1/bots",
  "POST /v1/bots",
  "GET /v1/bots/:id",
  "PUT /v1/bots/:id",
  "GET /v1/conversations",
  "GET /v1/conversations/:id",
  "POST /v1/conversations/:id/messages",
  "POST /v1/conversations/:id/handoff",
  "GET /v1/leads",
  "POST /v1/leads/:id/export",
  "GET /v1/products",
  "POST /v1/products/sync",
  "GET /v1/analytics/overview",
  "POST /v1/webhooks",
  "DELETE /v1/webhooks/:id",
] as const;

export interface AgreedOperation {
  endpoint: string;
  operationId: string;
  resource: string;
  method: string;
  scope: string;
}

/**
 * The agreed v1 surface: the seed's 15 endpoints plus 5 (bot delete, lead get, webhook list/get, and a
 * conversation's messages, paged, since GET /conversations/{id} embeds only the latest 50).
 */
export const AGREED_OPERATIONS: AgreedOperation[] = [
  { endpoint: "GET /bots", operationId: "listBots", resource: "bots", method: "list", scope: "bots:read" },
  {
    endpoint: "POST /bots",
    operationId: "createBot",
    resource: "bots",
    method: "create",
    scope: "bots:write",
  },
  {
    endpoint: "GET /bots/{bot_id}",
    operationId: "getBot",
    resource: "bots",
    method: "get",
    scope: "bots:read",
  },
  {
    endpoint: "PUT /bots/{bot_id}",
    operationId: "updateBot",
    resource: "bots",
    method: "update",
    scope: "bots:write",
  },
  {
    endpoint: "DELETE /bots/{bot_id}",
    operationId: "deleteBot",
    resource: "bots",
    method: "delete",
    scope: "bots:write",
  },
  {
    endpoint: "GET /conversations",
    operationId: "listConversations",
    resource: "conversations",
    method: "list",
    scope: "conversations:read",
  },
  {
    endpoint: "GET /conversations/{conversation_id}",
    operationId: "getConversation",
    resource: "conversations",
    method: "get",
    scope: "conversations:read",
  },
  {
    endpoint: "GET /conversations/{conversation_id}/messages",
    operationId: "listConversationMessages",
    resource: "conversations",
    method: "listMessages",
    scope: "conversations:read",
  },
  {
    endpoint: "POST /conversations/{conversation_id}/messages",
    operationId: "sendConversationMessage",
    resource: "conversations",
    method: "sendMessage",
    scope: "conversations:write",
  },
  {
    endpoint: "POST /conversations/{conversation_id}/handoff",
    operationId: "handoffConversation",
    resource: "conversations",
    method: "handoff",
    scope: "conversations:write",
  },
  {
    endpoint: "GET /leads",
    operationId: "listLeads",
    resource: "leads",
    method: "list",
    scope: "leads:read",
  },
  {
    endpoint: "GET /leads/{lead_id}",
    operationId: "getLead",
    resource: "leads",
    method: "get",
    scope: "leads:read",
  },
  {
    endpoint: "POST /leads/{lead_id}/export",
    operationId: "exportLead",
    resource: "leads",
    method: "export",
    scope: "leads:export",
  },
  {
    endpoint: "GET /products",
    operationId: "listProducts",
    resource: "products",
    method: "list",
    scope: "products:read",
  },
  {
    endpoint: "POST /products/sync",
    operationId: "syncProducts",
    resource: "products",
    method: "sync",
    scope: "products:write",
  },
  {
    endpoint: "GET /analytics/overview",
    operationId: "getAnalyticsOverview",
    resource: "analytics",
    method: "overview",
    scope: "analytics:read",
  },
  {
    endpoint: "GET /webhooks",
    operationId: "listWebhooks",
    resource: "webhooks",
    method: "list",
    scope: "webhooks:manage",
  },
  {
    endpoint: "POST /webhooks",
    operationId: "createWebhook",
    resource: "webhooks",
    method: "create",
    scope: "webhooks:manage",
  },
  {
    endpoint: "GET /webhooks/{webhook_id}",
    operationId: "getWebhook",
    resource: "webhooks",
    method: "get",
    scope: "webhooks:manage",
  },
  {
    endpoint: "DELETE /webhooks/{webhook_id}",
    operationId: "deleteWebhook",
    resource: "webhooks",
    method: "delete",
    scope: "webhooks:manage",
  },
];

/** The seed's 14 webhook event types, in its order. */
export const SEED_EVENT_TYPES = [
  "conversation.started",
  "conversation.ended",
  "message.created",
  "lead.captured",
  "lead.qualified",
  "handoff.requested",
  "handoff.accepted",
  "order.attributed",
  "cart.recovered",
  "booking.created",
  "integration.connected",
  "integration.disconnected",
  "bot.deployed",
  "bot.error",
] as const;

/** The seed's scopes table plus the products/analytics scopes the spec adds. */
export const DEFAULT_SCOPES = [
  "bots:read",
  "conversations:read",
  "leads:read",
  "products:read",
  "analytics:read",
];
export const ADMIN_SCOPES = [
  "bots:write",
  "conversations:write",
  "leads:export",
  "products:write",
  "webhooks:manage",
];
