import { GENERATED_MARKER } from "@embott/codegen-core";
import { firstLine } from "./php-source";
import type { PhpMethod, PhpSdk, PhpService } from "./view";

/** `api.md`: every service method with its parameters and return type, the models, errors and helpers. */
export function apiReference(sdk: PhpSdk, specFile: string): string {
  const lines = [
    `<!-- ${GENERATED_MARKER} from ${specFile}. DO NOT EDIT. -->`,
    "",
    `# ${sdk.apiTitle} — PHP API reference`,
    "",
    `Namespace \`${sdk.namespace}\`. Every method takes one \`array $params\` with the wire (snake_case) keys listed`,
    "below and an optional `array $options` (`timeout`, `max_retries`, `headers`, `idempotency_key`, `query`). A",
    "missing required key or an unknown key throws `Exception\\InvalidArgumentException` naming it.",
    "",
    ...credentialsSection(sdk),
  ];
  for (const service of flatten(sdk.services, [])) {
    lines.push(`## \`$client->${service.path}\` (\`Service\\${service.service.className}\`)`, "");
    if (service.service.description) lines.push(oneParagraph(service.service.description), "");
    for (const method of service.service.methods) lines.push(...methodSection(service.path, method));
    if (service.service.webhookHelpers) lines.push(...webhookSection(service.path, sdk));
  }
  lines.push(
    "## Models",
    "",
    `Final classes in \`${sdk.namespace}\\Model\` with typed readonly properties; \`toArray()\`, \`get()\` and`,
  );
  lines.push("`json_encode` give every field as received, unknown ones included.", "");
  for (const model of sdk.models) {
    const kind =
      model.kind === "object" ? "object" : model.kind === "enum" ? "enum constants" : "union factory";
    const summary = firstLine(model.description);
    lines.push(`- \`${model.className}\` (${kind})${summary ? `: ${summary}` : ""}`);
  }
  lines.push("", "## Errors", "");
  lines.push(
    `Every exception implements \`Exception\\${sdk.namespace}Exception\`. \`ApiException\` (\`getStatusCode()\`,`,
  );
  lines.push(
    "`getRequestId()`, `getErrorCode()`, `getErrorType()`, `getParam()`, `getError()`, `getRateLimit()`,",
  );
  lines.push("`getRetryAfter()`, `getIdempotencyKey()`) has one subclass per status:");
  lines.push(
    "`BadRequestException` (400), `AuthenticationException` (401), `PermissionDeniedException` (403,",
  );
  lines.push(
    "`getMissingScope()`), `NotFoundException` (404), `ConflictException` (409), `UnprocessableEntityException`",
  );
  lines.push(
    "(422), `RateLimitException` (429), `InternalServerException` (5xx). Without a response: `ConnectionException`,",
  );
  lines.push(
    "`TimeoutException`, `StreamTruncatedException`. Also `InvalidArgumentException`, `PaginationCycleException`,",
  );
  lines.push("`WebhookSignatureException` (`getReason()`).", "");
  return `${lines.join("\n")}\n`;
}

function methodSection(path: string, method: PhpMethod): string[] {
  const returns =
    method.returns.kind === "void"
      ? "void"
      : method.returns.kind === "raw"
        ? "string"
        : method.returns.kind === "page"
          ? `Page<${method.returns.item.doc}>`
          : method.returns.kind === "stream"
            ? `Stream<${method.returns.event.doc}>`
            : method.returns.type.doc;
  const lines = [
    `### \`$client->${path}->${method.name}(array $params, array $options = []): ${returns}\``,
    "",
  ];
  lines.push(
    `\`${method.httpMethod} ${method.path}\`${method.summary ? ` — ${method.summary}` : ""}${method.deprecated ? " (deprecated)" : ""}`,
    "",
  );
  if (method.security !== undefined) {
    const sends = method.security.map((alternative) =>
      alternative.length === 0 ? "nothing" : alternative.map((option) => `\`${option}\``).join(" + "),
    );
    lines.push(sends.length === 0 ? "Sends no credentials." : `Credentials: ${sends.join(", or ")}.`, "");
  }
  if (method.params.length > 0) {
    lines.push("| key | in | type | required | description |", "| --- | --- | --- | --- | --- |");
    for (const param of method.params) {
      const description = oneParagraph(param.description ?? "").replace(/\|/g, "\\|");
      lines.push(
        `| \`${param.wire}\` | ${param.in} | \`${param.doc.replace(/\|/g, "\\|")}\` | ${param.required ? "yes" : "no"} | ${description} |`,
      );
    }
    lines.push("");
  }
  return lines;
}

/** The credential options, where each is sent, and which the API's operations accept. */
function credentialsSection(sdk: PhpSdk): string[] {
  const options = [
    ...(sdk.auth === "none" ? [] : [{ option: "api_key", placement: sdk.auth, env: sdk.apiKeyEnv }]),
    ...sdk.credentials,
  ];
  if (options.length === 0) return ["The API takes no credentials.", ""];
  const lines = ["## Credentials", "", "| option | sent as | default |", "| --- | --- | --- |"];
  for (const credential of options) {
    lines.push(
      `| \`${credential.option}\` | ${placementText(credential.placement)} | ${credential.env ? `\`${credential.env}\`` : ""} |`,
    );
  }
  const root = sdk.security ?? [["api_key"]];
  const alternatives = root.map((alternative) =>
    alternative.length === 0 ? "nothing" : alternative.map((option) => `\`${option}\``).join(" + "),
  );
  lines.push(
    "",
    root.length === 0
      ? "Requests send no credentials unless a method says otherwise."
      : root.length === 1
        ? `Requests send ${alternatives[0]} unless a method says otherwise.`
        : `Requests send the first of ${alternatives.join(", or ")} the client holds, unless a method says otherwise.`,
    "",
  );
  return lines;
}

function placementText(placement: string): string {
  const [kind, name] = placement.split(":");
  if (kind === "bearer") return "`Authorization: Bearer …`";
  if (kind === "basic") return "`Authorization: Basic …` (`user:password`)";
  if (kind === "query") return `query \`${name}\``;
  if (kind === "cookie") return `cookie \`${name}\``;
  return `header \`${name}\``;
}

function webhookSection(path: string, sdk: PhpSdk): string[] {
  const env = sdk.webhookSecretEnv
    ? ` (default: the \`webhook_secret\` option or ${sdk.webhookSecretEnv})`
    : "";
  return [
    `### \`$client->${path}->verify(string $payload, mixed $header, ?string $secret = null): void\``,
    "",
    `Checks a delivery's \`${sdk.webhookScheme?.header}\` signature over the raw body${env}; throws`,
    "`WebhookSignatureException`. `$header` is the header's value or all request headers. `$tolerance` and `$now`",
    "(seconds, int or float) that are not finite numbers throw `InvalidArgumentException`.",
    "",
    `### \`$client->${path}->unwrap(string $payload, mixed $header, ?string $secret = null): Model\``,
    "",
    `Verifies, then returns the typed event (${sdk.events ? `\`Model\\${sdk.events.className}::fromArray\`` : "an `UnknownModel`"}).`,
    "",
    `### \`$client->${path}->generateTestHeader(string|array $payload, ?string $secret = null, ?int $timestamp = null): string\``,
    "",
    "A valid signature header for your handler's tests.",
    "",
  ];
}

function flatten(
  services: readonly PhpService[],
  parents: string[],
): { path: string; service: PhpService }[] {
  return services.flatMap((service) => {
    const path = [...parents, service.property];
    return [{ path: path.join("->"), service }, ...flatten(service.children, path)];
  });
}

function oneParagraph(text: string): string {
  return (
    text
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s*\n\s*/g, " ") ?? ""
  );
}
