import type { Operation } from "@embott/codegen-core";
import { escapeTemplate, memberAccess, objectLiteral, quote } from "../printer";
import type { FlatField, ParamsPlan } from "./params";

/** The variable holding the user's params object inside every generated method. */
export const PARAMS = "params";

/** Thrown when an operation cannot be expressed, e.g. a path placeholder without a path parameter. */
export interface StreamFlag {
  field: string;
  value: boolean;
}

export class EmitError extends Error {
  override readonly name = "EmitError";
}

/**
 * The `RequestSpec` object literal a method hands to the runtime: HTTP method, encoded path, then the query,
 * headers and body rebuilt under their wire names from the flat camelCase params.
 * `streamFlag` is the body field that selects SSE and its value (false on the plain method, true on its twin).
 */
export function requestSpecLiteral(operation: Operation, plan: ParamsPlan, streamFlag?: StreamFlag): string {
  const entries: [string, string][] = [
    ["method", quote(operation.httpMethod)],
    ["path", pathExpression(operation, plan)],
  ];
  const query = fieldsObject(plan, "query");
  if (query) entries.push(["query", query]);
  const headers = headersObject(plan);
  if (headers) entries.push(["headers", headers]);
  const body = bodyExpression(plan, streamFlag);
  if (body) entries.push(["body", body]);
  const encoding = operation.body?.encoding;
  if (encoding === "form" || encoding === "multipart") entries.push(["bodyType", quote(encoding)]);
  if (operation.response.kind === "binary") entries.push(["asBinary", "true"]);
  return objectLiteral(entries);
}

/** `` `/bots/${encodePath(params.botId, "bot_id")}` `` or a plain string for static paths. */
function pathExpression(operation: Operation, plan: ParamsPlan): string {
  // A placeholder declared under another location (real specs do this) is filled from that parameter.
  const byWire = (wire: string) =>
    plan.fields.find((field) => field.location === "path" && field.wire === wire) ??
    plan.fields.find((field) => field.location !== "body" && field.wire === wire);
  const pieces = operation.path.split(/(\{[^}]+\})/).filter(Boolean);
  if (!pieces.some((piece) => piece.startsWith("{"))) return quote(operation.path);
  const template = pieces.map((piece) => {
    if (!piece.startsWith("{")) return escapeTemplate(piece);
    const wire = piece.slice(1, -1);
    const field = byWire(wire);
    if (!field) throw new EmitError(`${operation.id}: path placeholder {${wire}} has no path parameter`);
    return `\${encodePath(${paramValue(field)}, ${quote(wire)})}`;
  });
  return `\`${template.join("")}\``;
}

/** `{ wire_name: params.key, … }` for one location, or undefined when it has no fields. */
function fieldsObject(plan: ParamsPlan, location: FlatField["location"]): string | undefined {
  const fields = plan.fields.filter((field) => field.location === location);
  if (fields.length === 0) return undefined;
  return objectLiteral(fields.map((field) => [field.wire, paramValue(field)]));
}

/** Header parameters as strings, plus a `Cookie` header assembled from cookie parameters. */
function headersObject(plan: ParamsPlan): string | undefined {
  const entries: [string, string][] = plan.fields
    .filter((field) => field.location === "header")
    .map((field) => [field.wire, `${paramValue(field)}?.toString()`]);
  const cookies = plan.fields.filter((field) => field.location === "cookie");
  if (cookies.length > 0) {
    const pairs = cookies.map(
      (field) =>
        `${paramValue(field)} === undefined ? [] : [\`${escapeTemplate(field.wire)}=\${${paramValue(field)}}\`]`,
    );
    entries.push(["Cookie", `[${pairs.map((pair) => `...(${pair})`).join(", ")}].join("; ") || undefined`]);
  }
  return entries.length > 0 ? objectLiteral(entries) : undefined;
}

function bodyExpression(plan: ParamsPlan, streamFlag?: StreamFlag): string | undefined {
  if (plan.bodyMode === "whole") return paramValue(plan.fields.find((field) => field.location === "body")!);
  if (plan.bodyMode === "none") return undefined;
  const entries: [string, string][] = plan.fields
    .filter((field) => field.location === "body")
    .map((field) => [field.wire, paramValue(field)]);
  if (streamFlag) entries.push([streamFlag.field, String(streamFlag.value)]);
  return objectLiteral(entries);
}

function paramValue(field: FlatField): string {
  return memberAccess(PARAMS, field.key);
}
