import { type Json, objectAt } from "../ir/json";

/**
 * Reads what the IR does not keep from the bundled document: the header names documented under `components`.
 * Without a document there are none, so a plan can still be built from an IR alone (unit tests). Parameter
 * `allowReserved`/defaults and form body `encoding`s come from the IR (`Parameter`, `RequestBody.fieldEncodings`).
 */
export class SpecDetails {
  constructor(private readonly document: Json | undefined) {}

  /** Header names declared under `components.headers` and on `components.responses`. */
  documentedHeaderNames(): string[] {
    if (!this.document) return [];
    const components = objectAt(this.document["components"]);
    const names = Object.keys(objectAt(components["headers"]));
    for (const response of Object.values(objectAt(components["responses"]))) {
      names.push(...Object.keys(objectAt(objectAt(response)["headers"])));
    }
    return names;
  }
}
