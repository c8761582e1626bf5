import { listOperations, loadSpec } from "../../src/index";

/** The parsed spec and its operations, shared by every test file. */
export const doc = loadSpec();
export const operations = listOperations(doc.paths);
export const webhookOperations = listOperations(doc.webhooks);

/** "GET /bots/{bot_id}" for an operation entry. */
export const endpointOf = (entry: { method: string; path: string }): string =>
  `${entry.method.toUpperCase()} ${entry.path}`;
