import type { APIClient } from "./client";

/** Base of every generated resource class (`client.bots`, `client.conversations`, …). */
export class APIResource {
  protected readonly client: APIClient;

  constructor(client: APIClient) {
    this.client = client;
  }
}
