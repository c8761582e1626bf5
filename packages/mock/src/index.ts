export { CONTROL_PREFIX } from "./control/handlers";
export type { FaultRule } from "./faults/fault-queue";
export type { RequestLogEntry } from "./log/request-log";
export { createMock, type EmbottMock, type MockOptions } from "./mock";
export { ApiError } from "./policies/errors";
export { ADMIN_SCOPES, ALL_SCOPES, DEFAULT_SCOPES, FIXTURE_KEYS } from "./policies/keys";
export { type RunningMockServer, type StartOptions, startMockServer } from "./server/start";
export { MockStore } from "./store/store";
export { DEFAULT_RETRY_DELAYS_MS, type Delivery, type WebhookEvent } from "./webhooks/dispatcher";
export { DEFAULT_ROTATION_GRACE_MS, type RotatedSecret } from "./webhooks/rotation";
export { computeSignature, signatureHeader, verifySignature } from "./webhooks/signature";

/** Base URL the in-process handlers answer (any origin works; this is the real API's). */
export const API_BASE_URL = "https://api.embott.com/v1";
