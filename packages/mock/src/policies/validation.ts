import type { OperationSpec, ParameterSpec } from "../spec/operations";
import { checkAgainstSchema, type SchemaIssue } from "../spec/validator";
import { ApiError } from "./errors";

/** Parsed, schema-checked request input handed to a domain handler. */
export interface ValidatedInput {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

function rejected(issue: SchemaIssue): ApiError {
  return new ApiError({ status: 400, ...issue });
}

/** Turns a query string value into the JSON type its schema expects, leaving invalid text for Ajv to reject. */
function coerce(raw: string, schema: Record<string, unknown>): unknown {
  const types = [schema.type].flat();
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(raw))
    return Number(raw);
  if (types.includes("boolean") && (raw === "true" || raw === "false")) return raw === "true";
  return raw;
}

function checkParameter(parameter: ParameterSpec, raw: string | null): unknown {
  if (raw === null) {
    if (parameter.required) {
      throw rejected({
        code: "parameter_missing",
        param: parameter.name,
        message: `Missing required parameter: ${parameter.name}.`,
      });
    }
    return undefined;
  }
  const value = coerce(raw, parameter.schema);
  const issue = checkAgainstSchema(parameter.schema, value, parameter.name);
  if (issue) throw rejected(issue);
  return value;
}

function validateQuery(operation: OperationSpec, url: URL): Record<string, unknown> {
  const declared = operation.parameters.filter((parameter) => parameter.in === "query");
  for (const name of url.searchParams.keys()) {
    if (!declared.some((parameter) => parameter.name === name)) {
      throw rejected({
        code: "parameter_unknown",
        param: name,
        message: `Received unknown parameter: ${name}.`,
      });
    }
  }
  const query: Record<string, unknown> = {};
  for (const parameter of declared) {
    const value = checkParameter(parameter, url.searchParams.get(parameter.name));
    if (value !== undefined) query[parameter.name] = value;
  }
  return query;
}

function decodePathSegment(segment: string, name: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw rejected({
      code: "parameter_invalid",
      param: name,
      message: `Invalid ${name}: bad percent-encoding.`,
    });
  }
}

function validatePath(operation: OperationSpec, url: URL): Record<string, string> {
  const pathname = url.pathname.replace(/^\/v1/, "");
  const values = operation.pattern.exec(pathname)?.slice(1) ?? [];
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  const path: Record<string, string> = {};
  names.forEach((name, index) => {
    const parameter = operation.parameters.find(
      (candidate) => candidate.in === "path" && candidate.name === name,
    );
    const value = decodePathSegment(values[index] ?? "", name);
    if (parameter) checkParameter(parameter, value);
    path[name] = value;
  });
  return path;
}

function validateHeaders(operation: OperationSpec, request: Request): void {
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === "header")) {
    checkParameter(parameter, request.headers.get(parameter.name));
  }
}

function parseBody(operation: OperationSpec, request: Request, text: string): unknown {
  const spec = operation.requestBody;
  if (!spec) return undefined;
  if (text.trim() === "") {
    if (!spec.required) return undefined;
    throw rejected({
      code: "parameter_missing",
      param: null,
      message: "This operation requires a JSON request body.",
    });
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new ApiError({
      status: 400,
      code: "invalid_content_type",
      message: `Send the body as application/json (got '${contentType || "none"}').`,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError({
      status: 400,
      code: "invalid_json",
      message: "The request body is not valid JSON.",
    });
  }
  const issue = checkAgainstSchema(spec.schema, body, null);
  if (issue) throw rejected(issue);
  return body;
}

/** Checks path, query, headers and JSON body against the operation; throws a 400 naming the parameter. */
export function validateRequest(
  operation: OperationSpec,
  request: Request,
  bodyText: string,
): ValidatedInput {
  const url = new URL(request.url);
  const path = validatePath(operation, url);
  const query = validateQuery(operation, url);
  validateHeaders(operation, request);
  return { path, query, body: parseBody(operation, request, bodyText) };
}
