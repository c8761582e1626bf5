import { deref } from "./refs";
import type {
  ExampleObject,
  HttpMethod,
  MediaTypeObject,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ResponseObject,
} from "./types";

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

export interface OperationEntry {
  method: HttpMethod;
  /** The path template, or the event type for a webhook. */
  path: string;
  operation: OperationObject;
  pathItem: PathItemObject;
}

/** Every operation of a `paths` or `webhooks` map, in document order. */
export function listOperations(items: Record<string, PathItemObject>): OperationEntry[] {
  return Object.entries(items).flatMap(([path, pathItem]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = pathItem[method];
      return operation ? [{ method, path, operation, pathItem }] : [];
    }),
  );
}

/** Path-level and operation-level parameters, resolved (the operation's win on name + location). */
export function operationParameters(doc: OpenApiDocument, entry: OperationEntry): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const raw of [...(entry.pathItem.parameters ?? []), ...(entry.operation.parameters ?? [])]) {
    const parameter = deref(doc, raw);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

export interface MediaEntry {
  /** Human-readable location, e.g. "POST /bots → 201 application/json". */
  location: string;
  /** "request", or the response status code. */
  status: string;
  mediaType: string;
  media: MediaTypeObject;
}

function mediaEntries(label: string, status: string, content: Record<string, MediaTypeObject> | undefined) {
  return Object.entries(content ?? {}).map(([mediaType, media]) => ({
    location: `${label} → ${status} ${mediaType}`,
    status,
    mediaType,
    media,
  }));
}

/** Request body and response media types of one operation, refs resolved. */
export function operationMedia(doc: OpenApiDocument, entry: OperationEntry): MediaEntry[] {
  const label = `${entry.method.toUpperCase()} ${entry.path}`;
  const body = entry.operation.requestBody ? deref(doc, entry.operation.requestBody) : undefined;
  const responses = Object.entries(entry.operation.responses).flatMap(([status, raw]) =>
    mediaEntries(label, status, deref<ResponseObject>(doc, raw).content),
  );
  return [...mediaEntries(label, "request", body?.content), ...responses];
}

/** The named examples of a media type, refs resolved. */
export function namedExamples(doc: OpenApiDocument, media: MediaTypeObject): [string, ExampleObject][] {
  return Object.entries(media.examples ?? {}).map(([name, raw]) => [name, deref(doc, raw)]);
}

export const isSuccessStatus = (status: string): boolean => /^2(\d\d|XX)$/.test(status);
