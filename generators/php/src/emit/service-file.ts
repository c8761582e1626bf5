import type { Namespaces } from "./model-file";
import {
  assignNew,
  callSource,
  docBlock,
  fileHeader,
  fitted,
  phpArray,
  phpList,
  phpString,
  phpValue,
  useLines,
} from "./php-source";
import type { PhpMethod, PhpParam, PhpService, PhpStyle, PhpType } from "./view";

const OPTIONS_DOC =
  "@param array<string, mixed> $options request options: timeout (s), max_retries, headers, idempotency_key, query";

/** One service class per resource: a method per operation, each declaring where its parameters go. */
export function serviceFile(
  service: PhpService,
  ns: Namespaces,
  specFile: string,
  eventsClass?: string,
): string {
  const uses = new Set<string>([`${ns.root}\\Core\\Operation`]);
  uses.add(service.webhookHelpers ? `${ns.root}\\Webhook\\WebhookService` : `${ns.root}\\Core\\Service`);
  const methods = service.methods.map((method) => methodSource(method, ns, uses));
  if (service.methods.some((method) => Object.keys(method.styles).length > 0))
    uses.add(`${ns.root}\\Core\\Style`);
  const children = service.children.map(
    (child) => `${fitted(`    public readonly ${child.className} $${child.property};`)}\n`,
  );
  let construct = "";
  if (service.children.length > 0) {
    uses.add(`${ns.root}\\Core\\BaseClient`);
    const assignments = service.children
      .map((child) => `${assignNew(8, child.property, child.className, "$client")}\n`)
      .join("");
    construct = `    public function __construct(BaseClient $client)
    {
        parent::__construct($client);
${assignments}    }
`;
  }
  if (service.webhookHelpers && eventsClass) methods.push(unwrapSource(eventsClass, ns, uses));
  if (service.methods.length === 0 && !service.webhookHelpers) uses.delete(`${ns.root}\\Core\\Operation`);
  const base = service.webhookHelpers ? "WebhookService" : "Service";
  const head = [children.join(""), construct].filter((part) => part !== "").join("\n");
  const body = [head, ...methods].filter((part) => part !== "").join("\n");
  const description = service.description ?? `The ${service.property} API.`;
  return `${fileHeader(specFile, ns.service)}
${useLines([...uses].filter((use) => !use.startsWith(`${ns.service}\\`)))}${docBlock(0, [description])}final class ${service.className} extends ${base}
{
${body}}
`;
}

function methodSource(method: PhpMethod, ns: Namespaces, uses: Set<string>): string {
  const required = method.params.some((param) => param.required);
  const parameters = [`array $params${required ? "" : " = []"}`, "array $options = []"];
  const { returnType, docReturn, call } = callFor(method, ns, uses);
  const tags = [...paramsDoc(method.params), OPTIONS_DOC];
  if (docReturn) tags.push(`@return ${docReturn}`);
  if (method.deprecated) tags.push("@deprecated");
  const scopes =
    method.scopes.length > 0
      ? `Needs the ${method.scopes.map((s) => `\`${s}\``).join(", ")} scope.`
      : undefined;
  const doc = docBlock(4, [method.summary, method.description, scopes], tags);
  const head = `    public function ${method.name}(${parameters.join(", ")}): ${returnType}`;
  const signature =
    head.length <= 120
      ? `${head}\n    {`
      : `    public function ${method.name}(\n${parameters.map((p) => `        ${p},\n`).join("")}    ): ${returnType} {`;
  return `${doc}${signature}
        static $operation = new Operation(
${operationArgs(method)}        );
${call}
    }
`;
}

function operationArgs(method: PhpMethod): string {
  const where = (kind: PhpParam["in"]) =>
    method.params.filter((param) => param.in === kind && param.wire !== method.wholeBody).map((p) => p.wire);
  const args: [string, string | string[]][] = [
    ["name", longString(method.label, ".", "name")],
    ["method", phpString(method.httpMethod)],
    ["pathTemplate", longString(method.path, "/", "pathTemplate")],
  ];
  const lists: [string, string[]][] = [
    ["path", where("path")],
    ["query", where("query")],
    ["headers", where("header")],
    ["cookies", where("cookie")],
    ["body", where("body")],
    ["required", method.params.filter((param) => param.required).map((param) => param.wire)],
  ];
  for (const [name, values] of lists) if (values.length > 0) args.push([name, values.map(phpString)]);
  if (method.openBody) args.push(["openBody", "true"]);
  if (method.wholeBody !== undefined) args.push(["wholeBody", phpString(method.wholeBody)]);
  if (Object.keys(method.fixedBody).length > 0) args.push(["fixedBody", phpValue(method.fixedBody)]);
  const styles = Object.entries(method.styles).map(
    ([wire, style]) => `${phpString(wire)} => ${styleSource(style)}`,
  );
  if (styles.length > 0) args.push(["styles", styles]);
  if (method.encoding !== "json") args.push(["encoding", phpString(method.encoding)]);
  if (method.mediaType !== "application/json") args.push(["mediaType", phpString(method.mediaType)]);
  if (method.files.length > 0) args.push(["files", method.files.map(phpString)]);
  if (method.dates.length > 0) args.push(["dates", method.dates.map(phpString)]);
  if (method.security !== undefined) args.push(["security", method.security.map(phpList)]);
  return args.map(([name, value]) => argumentLine(name, value)).join("");
}

/** A string literal, split into `'…' . '…'` lines at `separator` when it would overflow its argument line. */
function longString(value: string, separator: string, name: string): string {
  const room = 120 - `            ${name}: ,`.length;
  if (phpString(value).length <= room) return phpString(value);
  const pieces: string[] = [];
  let current = "";
  for (const part of value
    .split(separator)
    .map((piece, index) => (index === 0 ? piece : `${separator}${piece}`))) {
    if (current !== "" && phpString(current + part).length > 120 - 20) {
      pieces.push(current);
      current = part;
    } else {
      current += part;
    }
  }
  pieces.push(current);
  return pieces.map(phpString).join("\n                . ");
}

function styleSource(style: PhpStyle): string {
  const args = [phpString(style.style)];
  if (!style.explode) args.push("explode: false");
  if (style.allowReserved) args.push("allowReserved: true");
  if (style.contentType !== undefined) args.push(`contentType: ${phpString(style.contentType)}`);
  return `new Style(${args.join(", ")})`;
}

/** `            name: value,` — a list that does not fit on the line gets one item per line. */
function argumentLine(name: string, value: string | string[]): string {
  if (typeof value === "string") return `            ${name}: ${value},\n`;
  const line = `            ${name}: [${value.join(", ")}],\n`;
  if (line.length <= 121) return line;
  return `            ${name}: [\n${value.map((item) => `                ${item},\n`).join("")}            ],\n`;
}

function callFor(method: PhpMethod, ns: Namespaces, uses: Set<string>) {
  const returns = method.returns;
  switch (returns.kind) {
    case "raw":
      return {
        returnType: "string",
        docReturn: undefined,
        call: "        return $this->client->callRaw($operation, $params, $options);",
      };
    case "void":
      return {
        returnType: "void",
        docReturn: undefined,
        call: "        $this->client->call($operation, $params, $options);",
      };
    case "model": {
      addModelUses(returns.type, ns, uses);
      const build = modelBuilder(returns.type);
      if (build === undefined) {
        return {
          returnType: "mixed",
          docReturn: returns.type.doc === "mixed" ? undefined : returns.type.doc,
          call: "        return $this->client->call($operation, $params, $options);",
        };
      }
      return {
        returnType: returns.type.native,
        docReturn: returns.type.doc === returns.type.native ? undefined : returns.type.doc,
        call: `        $data = $this->object($this->client->call($operation, $params, $options));
        return ${build}($data);`,
      };
    }
    case "page": {
      uses.add(`${ns.root}\\Pagination\\Page`);
      uses.add(`${ns.root}\\Pagination\\Pagination`);
      addModelUses(returns.item, ns, uses);
      const fields = Object.entries(returns.pagination).map(([key, value]) => `${key}: ${phpValue(value)}`);
      const pagination = phpArray(fields, 8, "        $pagination = new Pagination".length).slice(1, -1);
      const item = itemBuilder(returns.item);
      return {
        returnType: "Page",
        docReturn: `Page<${returns.item.doc}>`,
        call: `        $pagination = new Pagination(${pagination});
${callSource(8, "return $this->client->callPage", ["$operation", "$params", "$options", "$pagination", item], ";")}`,
      };
    }
    case "stream": {
      uses.add(`${ns.root}\\Streaming\\Stream`);
      uses.add(`${ns.root}\\Streaming\\StreamSpec`);
      addModelUses(returns.event, ns, uses);
      const fields = [`discriminator: ${phpString(returns.discriminator)}`];
      if (returns.final !== undefined) fields.push(`final: ${phpString(returns.final)}`);
      if (returns.parse === "text") fields.push(`parse: 'text'`);
      const spec = phpArray(fields, 8, "        $spec = new StreamSpec".length).slice(1, -1);
      const event = itemBuilder(returns.event);
      return {
        returnType: "Stream",
        docReturn: `Stream<${returns.event.doc}>`,
        call: `        $spec = new StreamSpec(${spec});
${callSource(8, "return $this->client->callStream", ["$operation", "$params", "$options", "$spec", event], ";")}`,
      };
    }
  }
}

/** `Bot::fromArray` for a model or union class; undefined for scalars, lists and free-form values. */
function modelBuilder(type: PhpType): string | undefined {
  return type.read.method === "model" && type.read.arg
    ? `${type.read.arg.replace(/::class$/, "")}::fromArray`
    : undefined;
}

function itemBuilder(type: PhpType): string {
  const build = modelBuilder(type);
  return build ? `${build}(...)` : "static fn (array $item): array => $item";
}

function addModelUses(type: PhpType, ns: Namespaces, uses: Set<string>): void {
  for (const used of type.uses) uses.add(`${ns.root}\\${used}`);
}

function paramsDoc(params: readonly PhpParam[]): string[] {
  if (params.length === 0) return ["@param array{} $params this operation takes no parameters"];
  const lines = params.map((param) => {
    const key = `${param.wire}${param.required ? "" : "?"}`;
    const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key.replace(/\?$/, ""))
      ? key
      : `'${param.wire}'${param.required ? "" : "?"}`;
    return `    ${quoted}: ${param.doc},`;
  });
  return ["@param array{", ...lines, "} $params"];
}

function unwrapSource(eventsClass: string, ns: Namespaces, uses: Set<string>): string {
  uses.add(`${ns.model}\\${eventsClass}`);
  uses.add(`${ns.root}\\Core\\Model`);
  return `    /**
     * Verifies the delivery's signature, then returns the event as a typed object (an UnknownModel for an event
     * type this SDK does not know yet).
     *
     * @param string $payload the raw request body (file_get_contents('php://input'))
     * @param mixed $header the signature header's value, or all request headers
     * @throws \\${ns.root}\\Exception\\WebhookSignatureException when the signature, timestamp or body is not valid
     */
    public function unwrap(
        string $payload,
        mixed $header,
        #[\\SensitiveParameter] ?string $secret = null,
        int|float|null $tolerance = null,
        int|float|null $now = null,
    ): Model {
        return ${eventsClass}::fromArray($this->verifiedPayload($payload, $header, $secret, $tolerance, $now));
    }
`;
}
