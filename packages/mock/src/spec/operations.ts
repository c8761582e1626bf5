import { deref, type JsonSchema, loadSpec, type OpenApiDocument } from "./load";

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the spec, flattened for the policies that need it. */
export interface OperationSpec {
  operationId: string;
  method: string;
  /** Path template relative to the server URL, e.g. `/bots/{bot_id}`. */
  path: string;
  pattern: RegExp;
  scopes: string[];
  parameters: ParameterSpec[];
  /** JSON request body schema, when the operation takes one. */
  requestBody?: { required: boolean; schema: JsonSchema };
  /** Declared status codes (as strings, plus `default`) → content type → schema. */
  responses: Record<string, Record<string, JsonSchema | undefined>>;
  /** Declared status codes → names of the headers the spec marks `required` on that response. */
  requiredHeaders: Record<string, string[]>;
  /** Schema of each event of a `text/event-stream` answer (`x-embott-streaming.events`; the body is text). */
  streamEvents?: JsonSchema;
}

interface RawOperation {
  operationId?: string;
  parameters?: unknown[];
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  "x-embott-streaming"?: { events?: string };
}

/** Turns `/bots/{bot_id}` into a regular expression matching a concrete path. */
export function templateToPattern(template: string): RegExp {
  const escaped = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${escaped}/?$`);
}

function readParameters(document: OpenApiDocument, raw: unknown[] | undefined): ParameterSpec[] {
  return (raw ?? []).map((entry) => {
    const parameter = deref<Partial<ParameterSpec>>(document, entry as object);
    return {
      name: String(parameter.name),
      in: parameter.in ?? "query",
      required: parameter.required === true || parameter.in === "path",
      schema: parameter.schema ?? {},
    };
  });
}

interface RawResponse {
  content?: Record<string, { schema?: JsonSchema }>;
  headers?: Record<string, unknown>;
}

function readResponses(document: OpenApiDocument, raw: RawOperation["responses"]) {
  const responses: OperationSpec["responses"] = {};
  const requiredHeaders: OperationSpec["requiredHeaders"] = {};
  for (const [status, entry] of Object.entries(raw ?? {})) {
    const response = deref<RawResponse>(document, entry as object);
    responses[status] = Object.fromEntries(
      Object.entries(response.content ?? {}).map(([type, media]) => [type, media.schema]),
    );
    requiredHeaders[status] = Object.entries(response.headers ?? {})
      .filter(([, header]) => deref<{ required?: boolean }>(document, header as object).required === true)
      .map(([name]) => name);
  }
  return { responses, requiredHeaders };
}

function readOperation(document: OpenApiDocument, path: string, method: string, raw: RawOperation) {
  const shared = (document.paths[path] as { parameters?: unknown[] }).parameters;
  const body = raw.requestBody
    ? deref<{ required?: boolean; content?: Record<string, { schema?: JsonSchema }> }>(
        document,
        raw.requestBody,
      )
    : undefined;
  const bodySchema = body?.content?.["application/json"]?.schema;
  const operation: OperationSpec = {
    operationId: raw.operationId ?? `${method} ${path}`,
    method: method.toUpperCase(),
    path,
    pattern: templateToPattern(path),
    scopes: (raw.security ?? []).flatMap((requirement) => Object.values(requirement).flat()),
    parameters: [...readParameters(document, shared), ...readParameters(document, raw.parameters)],
    requestBody: bodySchema ? { required: body?.required === true, schema: bodySchema } : undefined,
    ...readResponses(document, raw.responses),
  };
  const events = raw["x-embott-streaming"]?.events;
  if (events) operation.streamEvents = { $ref: events };
  return operation;
}

let index: OperationSpec[] | undefined;

/** Every operation of the spec, in document order. */
export function listOperations(): OperationSpec[] {
  if (!index) {
    const document = loadSpec();
    index = Object.entries(document.paths).flatMap(([path, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) =>
        readOperation(document, path, method, item[method] as RawOperation),
      ),
    );
  }
  return index;
}

export function getOperation(operationId: string): OperationSpec {
  const operation = listOperations().find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`Operation ${operationId} is not in spec/openapi.yaml`);
  return operation;
}

/** Path templates that match a concrete path, with the methods they allow (for 404 versus 405). */
export function findAllowedMethods(path: string): string[] {
  return listOperations()
    .filter((operation) => operation.pattern.test(path))
    .map((operation) => operation.method);
}
