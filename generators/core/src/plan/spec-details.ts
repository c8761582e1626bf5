import { deref, isObject, type Json, objectAt, stringAt } from "../ir/json";
import type { Operation } from "../ir/types";

/** Details of one parameter the IR does not keep. */
export interface ParameterDetails {
  allowReserved: boolean;
  default?: unknown;
}

/** A form/multipart body property's entry of the media type's `encoding` object. */
export interface EncodingDetails {
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  contentType?: string;
}

/**
 * Reads the few serialisation details the IR leaves out (`allowReserved`, parameter defaults, a body media
 * type's `encoding` object) from the bundled document, by operation path and method. Without a document every
 * answer is the OpenAPI default, so a plan can still be built from an IR alone (unit tests).
 */
const NO_DETAILS: ParameterDetails = Object.freeze({ allowReserved: false });

export class SpecDetails {
  constructor(private readonly document: Json | undefined) {}

  parameter(operation: Operation, location: string, name: string): ParameterDetails {
    const parameter = this.findParameter(operation, location, name);
    if (!parameter) return NO_DETAILS;
    const schema = this.resolve(parameter["schema"]);
    if (parameter["allowReserved"] !== true && !("default" in schema)) return NO_DETAILS;
    const details: ParameterDetails = { allowReserved: parameter["allowReserved"] === true };
    if ("default" in schema) details.default = schema["default"];
    return details;
  }

  /** The `encoding` object of the operation's chosen body media type, by property name. */
  bodyEncoding(operation: Operation): Record<string, EncodingDetails> {
    if (!this.document || !operation.body) return {};
    const item = objectAt(objectAt(this.document["paths"])[operation.path]);
    const body = deref(this.document, objectAt(item[operation.httpMethod])["requestBody"], "#").node;
    const media = objectAt(objectAt(body["content"])[operation.body.mediaType]);
    const result: Record<string, EncodingDetails> = {};
    for (const [property, raw] of Object.entries(objectAt(media["encoding"]))) {
      if (!isObject(raw)) continue;
      const style = stringAt(raw["style"]);
      const contentType = stringAt(raw["contentType"]);
      result[property] = {
        ...(style ? { style } : {}),
        ...(typeof raw["explode"] === "boolean" ? { explode: raw["explode"] } : {}),
        ...(raw["allowReserved"] === true ? { allowReserved: true } : {}),
        ...(contentType ? { contentType } : {}),
      };
    }
    return result;
  }

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

  /** `$ref` targets by reference, resolved once (large specs share a few component parameters). */
  private readonly refs = new Map<string, Json>();

  private resolve(node: unknown): Json {
    if (!this.document || !isObject(node)) return {};
    const ref = node["$ref"];
    if (typeof ref !== "string") return node;
    let target = this.refs.get(ref);
    if (!target) {
      target = deref(this.document, node, "#").node;
      this.refs.set(ref, target);
    }
    return target;
  }

  /** The operation's parameter (operation level wins over the path item's), or undefined. */
  private findParameter(operation: Operation, location: string, name: string): Json | undefined {
    if (!this.document) return undefined;
    const item = this.resolve(objectAt(this.document["paths"])[operation.path]);
    for (const list of [objectAt(item[operation.httpMethod])["parameters"], item["parameters"]]) {
      if (!Array.isArray(list)) continue;
      for (const raw of list) {
        const parameter = this.resolve(raw);
        if (parameter["name"] === name && parameter["in"] === location) return parameter;
      }
    }
    return undefined;
  }
}
