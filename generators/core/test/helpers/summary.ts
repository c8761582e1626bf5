import type { Operation, TypeRef } from "../../src/index";

/** One line per operation for compact snapshots: id, method, path, pagination, body, response, errors. */
export function formatInspectLine(operation: Operation): string {
  const parts = [operation.id, operation.httpMethod.toUpperCase(), operation.path];
  if (operation.pagination) parts.push(`pagination=${operation.pagination.style}`);
  if (operation.streaming) parts.push("streaming");
  if (operation.body) parts.push(`body=${operation.body.encoding}:${typeLabel(operation.body.type)}`);
  parts.push(
    `response=${operation.response.kind}${operation.response.type ? `:${typeLabel(operation.response.type)}` : ""}`,
  );
  if (operation.errors.length > 0)
    parts.push(`errors=${operation.errors.map((error) => error.status).join(",")}`);
  if (operation.scopes.length > 0) parts.push(`scopes=${operation.scopes.join(",")}`);
  if (operation.deprecated) parts.push("deprecated");
  return parts.join(" ");
}

function typeLabel(type: TypeRef): string {
  switch (type.kind) {
    case "ref":
      return type.id.startsWith("#") ? "inline" : type.id;
    case "array":
      return `${typeLabel(type.items)}[]`;
    case "map":
      return `map<${typeLabel(type.values)}>`;
    case "primitive":
      return type.type;
    default:
      return type.kind;
  }
}
