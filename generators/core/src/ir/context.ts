import type { Json } from "./json";
import type { ModelBuilder } from "./models/model-builder";
import type { HttpMethod, SecurityRequirement } from "./types";

/** Shared state of one IR build. */
export interface BuildContext {
  /** Bundled, normalised document. */
  document: Json;
  /** Model registry every pass adds to. */
  models: ModelBuilder;
  /** Top-level security, inherited by operations without their own. */
  rootSecurity: SecurityRequirement[];
}

/** An operation as found in the spec, before it becomes IR. */
export interface SpecOperation {
  path: string;
  httpMethod: HttpMethod;
  /** The operation object. */
  operation: Json;
  /** The enclosing path item (for shared parameters). */
  pathItem: Json;
  /** JSON pointer of the operation object. */
  pointer: string;
}

export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];
