// The Embott OpenAPI spec as data, plus the small readers its tests (and the mock and generators) share.
export { isJsonObject } from "./json";
export { loadSpec, SPEC_PATH, SpecLoadError } from "./load";
export { collectRefs, componentName, deref, isRef, resolvePointer, SpecRefError } from "./refs";
export { type DocumentedScope, documentedScopes, type ScopeGrant } from "./scopes";
export { parseEventStream, type ServerSentEvent, SseParseError } from "./sse";
export type * from "./types";
export { createSchemaValidator, jsonPointer, type SchemaValidator } from "./validator";
export {
  HTTP_METHODS,
  isSuccessStatus,
  listOperations,
  type MediaEntry,
  namedExamples,
  type OperationEntry,
  operationMedia,
  operationParameters,
} from "./walk";
