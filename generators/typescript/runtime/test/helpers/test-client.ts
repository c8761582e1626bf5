import { APIClient } from "../../src/core/client";
import type { ClientOptions, SDKConfig } from "../../src/core/options";

export const TEST_API_KEY = "sk_live_SECRET_do_not_leak_123";

export const TEST_CONFIG: SDKConfig = {
  sdkName: "embott",
  sdkVersion: "0.1.0",
  defaultBaseURL: "https://api.embott.com/v1",
  auth: { kind: "bearer" },
  apiKeyEnv: "EMBOTT_API_KEY",
  baseURLEnv: "EMBOTT_BASE_URL",
  logEnv: "EMBOTT_LOG",
  errorEnvelope: {
    type: ["error", "type"],
    code: ["error", "code"],
    message: ["error", "message"],
    param: ["error", "param"],
    requestId: ["error", "request_id"],
  },
  requestIdHeader: "x-request-id",
  retry: { maxRetries: 2, statuses: [408, 429], minServerErrorStatus: 500 },
  webhookSecretEnv: "EMBOTT_WEBHOOK_SECRET",
  webhookSignature: { header: "Embott-Signature", scheme: "timestamped", encoding: "hex", tolerance: 300 },
};

/** A client whose waits are recorded instead of slept, with fixed jitter and clock: retries run instantly. */
export class TestClient extends APIClient {
  readonly sleeps: number[] = [];
  jitter = 0.5;
  clock = Date.parse("2027-01-01T00:00:00Z");

  constructor(options: ClientOptions = {}, config: SDKConfig = TEST_CONFIG) {
    super({ apiKey: TEST_API_KEY, logLevel: "off", ...options }, config);
  }

  protected override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  }

  protected override random(): number {
    return this.jitter;
  }

  protected override now(): number {
    return this.clock;
  }
}
