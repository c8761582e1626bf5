import type { MethodPlan, ParamPlan, ResourcePlan, SdkPlan, TypeRef } from "@embott/codegen-core";
import { allResources, credentialAlternatives, methodById } from "@embott/codegen-core";
import { alternativesLiteral, rootAlternatives } from "./client";
import { clean, docstring, joinDocs } from "./docs";
import { Imports } from "./imports";
import { type PythonNames, pyLiteral, pyString } from "./names";
import { type ModelLocator, TypePrinter } from "./type-printer";
import { renderWebhookHelpers, webhookEventType } from "./webhooks";

const RUNTIME = ".._runtime";

/** Sync and async flavours of one template. */
type Flavour = "sync" | "async";

export interface ResourceNames {
  module: string;
  sync: string;
  async: string;
}

/** Module and class names of a resource (`resources/bots.py`: `Bots`, `AsyncBots`). */
export function resourceNames(resource: ResourcePlan, names: PythonNames): ResourceNames {
  const sync = names.type(resource.className);
  return { module: names.module(resource.path.flat()), sync, async: `Async${sync}` };
}

/** The source of `resources/<module>.py`: the sync and async classes and their raw-response twins. */
export function renderResourceModule(
  plan: SdkPlan,
  resource: ResourcePlan,
  locator: ModelLocator,
  header: string,
): string {
  const names = locator.names;
  const own = resourceNames(resource, names);
  const imports = new Imports();
  imports.add("__future__", "annotations");
  const printer = new TypePrinter(locator, "..types.", RUNTIME, imports);
  const constants: string[] = [];
  const classes = (["sync", "async"] as const).map((flavour) =>
    renderClass(plan, resource, own, flavour, printer, constants),
  );
  const raw = (["sync", "async"] as const).map((flavour) =>
    renderRawClass(resource, own, flavour, locator, imports),
  );
  for (const child of resource.children) {
    const childNames = resourceNames(child, names);
    imports.add(`.${childNames.module}`, childNames.sync).add(`.${childNames.module}`, childNames.async);
  }
  const exported = [
    own.sync,
    own.async,
    `${own.sync}WithRawResponse`,
    `Async${own.sync}WithRawResponse`,
  ].sort();
  const all = `__all__ = [${exported.map(pyString).join(", ")}]`;
  const body = [...constants, ...classes, ...raw].map((block) => block.trim()).join("\n\n\n");
  return `${header}\n${imports.print()}\n\n${all}\n\n\n${body}\n`;
}

function renderClass(
  plan: SdkPlan,
  resource: ResourcePlan,
  own: ResourceNames,
  flavour: Flavour,
  printer: TypePrinter,
  constants: string[],
): string {
  const { imports, locator } = printer;
  const names = locator.names;
  const base = flavour === "sync" ? "SyncAPIResource" : "AsyncAPIResource";
  const className = flavour === "sync" ? own.sync : own.async;
  imports.add(RUNTIME, base);
  imports.add("functools", "cached_property");
  const members: string[] = [];
  for (const child of resource.children) {
    const childNames = resourceNames(child, names);
    const childClass = flavour === "sync" ? childNames.sync : childNames.async;
    const accessor = names.id(child.property, "resource");
    members.push(
      `    @cached_property\n    def ${accessor}(self) -> ${childClass}:\n${docstring(child.description, "        ")}        return ${childClass}(self._client)\n`,
    );
  }
  const rawClass = `${flavour === "sync" ? "" : "Async"}${own.sync}WithRawResponse`;
  members.push(
    `    @cached_property\n    def with_raw_response(self) -> ${rawClass}:\n        """The methods returning the raw response (status, headers, \`.parse()\`) instead of the parsed body."""\n        return ${rawClass}(self)\n`,
  );
  for (const method of resource.methods)
    members.push(renderMethod(plan, method, flavour, printer, constants));
  if (resource.verifiesWebhooks && plan.webhooks?.signature) {
    members.push(renderWebhookHelpers(plan, printer, constants, flavour));
  }
  const docs = docstring(resource.description, "    ");
  return `\nclass ${className}(${base}):\n${docs ? `${docs}\n` : ""}${members.join("\n")}`;
}

/** One method, the same template for both flavours. */
function renderMethod(
  plan: SdkPlan,
  method: MethodPlan,
  flavour: Flavour,
  printer: TypePrinter,
  constants: string[],
): string {
  const { imports, locator } = printer;
  const names = locator.names;
  const name = names.id(method.name, "method");
  const params = method.params.map((param) => ({ param, python: names.param(param.name) }));
  const positional = params.filter(({ param }) => param.location === "path");
  const keyword = [
    ...params.filter(({ param }) => param.location !== "path" && param.required),
    ...params.filter(({ param }) => param.location !== "path" && !param.required),
  ];
  const signature: string[] = ["self"];
  for (const { param, python } of positional)
    signature.push(`${python}: ${printer.print(param.type, "param")}`);
  signature.push("*");
  for (const { param, python } of keyword) {
    const type = printer.print(param.type, "param");
    if (param.required) signature.push(`${python}: ${type}`);
    else {
      imports.add(RUNTIME, "NotGiven").add(RUNTIME, "NOT_GIVEN").add("typing", "Union");
      signature.push(`${python}: Union[${type}, NotGiven] = NOT_GIVEN`);
    }
  }
  imports.add("typing", "Optional").add(RUNTIME, "Headers").add(RUNTIME, "Query").add(RUNTIME, "Timeout");
  imports.add("typing", "Mapping");
  signature.push(
    "extra_headers: Optional[Headers] = None",
    "extra_query: Optional[Query] = None",
    "extra_body: Optional[Mapping[str, object]] = None",
    "timeout: Optional[Timeout] = None",
    "max_retries: Optional[int] = None",
  );
  const sendsKey = !plan.client.retry.safeMethods.includes(method.request.method);
  if (sendsKey) signature.push("idempotency_key: Optional[str] = None");

  const { returns, call } = callOf(plan, method, flavour, printer, constants);
  const isAsyncDef = flavour === "async" && method.kind !== "page";
  const lines = [
    `    ${isAsyncDef ? "async def" : "def"} ${name}(`,
    ...signature.map((entry) => `        ${entry},`),
    `    ) -> ${returns}:`,
    methodDocstring(method, params, plan),
    `        return ${call.replace(/SPEC@(\d+)/, (_, depth: string) => requestSpec(plan, method, params, printer, sendsKey, Number(depth)))}`,
  ];
  return `${lines.filter((line) => line !== "").join("\n")}\n`;
}

function callOf(
  plan: SdkPlan,
  method: MethodPlan,
  flavour: Flavour,
  printer: TypePrinter,
  constants: string[],
): { returns: string; call: string } {
  const { imports } = printer;
  const awaited = flavour === "async" ? "await " : "";
  imports.add(RUNTIME, "RequestSpec");
  if (method.kind === "page" && method.pagination) {
    const item = printer.print(method.pagination.item, "model");
    const descriptor = descriptorConstant(method, printer, constants);
    const page = flavour === "sync" ? "SyncPage" : "AsyncPaginator";
    imports.add(RUNTIME, page);
    return {
      returns: `${page}[${item}]`,
      call: `self._client.request_page(\n            ${item},\n            SPEC@12,\n            ${descriptor},\n        )`,
    };
  }
  if (method.kind === "stream" && method.stream) {
    const event = method.stream.parse === "text" ? "str" : printer.print(method.stream.event, "model");
    const stream = flavour === "sync" ? "SyncStream" : "AsyncStream";
    imports.add(RUNTIME, stream).add(RUNTIME, "StreamSpec");
    const options = [`event_type=${event}`];
    if (method.stream.discriminator) options.push(`discriminator=${pyString(method.stream.discriminator)}`);
    if (method.stream.final) options.push(`final=${pyString(method.stream.final)}`);
    return {
      returns: `${stream}[${event}]`,
      call: `${awaited}self._client.request_stream(\n            SPEC@12,\n            StreamSpec[${event}](${options.join(", ")}),\n        )`,
    };
  }
  const response = method.response;
  let returns = "object";
  let target = "object";
  if (response.kind === "empty") {
    returns = "None";
    target = "type(None)";
  } else if (response.kind === "binary") {
    returns = "bytes";
    target = "bytes";
  } else if (response.kind === "text") {
    returns = "str";
    target = "str";
  } else if (response.type) {
    returns = printer.print(response.type, "model");
    target = returns;
    if (!isClass(response.type, returns, printer)) {
      // Not a class (a list, a union, a nullable model): the runtime validates it, the method casts it.
      printer.imports.add("typing", "cast");
      return {
        returns,
        call: `cast(\n            ${returns},\n            ${awaited}self._client.request_value(\n                ${returns},\n                SPEC@16,\n            ),\n        )`,
      };
    }
  }
  void plan;
  return {
    returns,
    call: `${awaited}self._client.request(\n            ${target},\n            SPEC@12,\n        )`,
  };
}

/** Whether the printed type is a class `request` can take as `type[T]`. */
function isClass(ref: TypeRef, printed: string, printer: TypePrinter): boolean {
  if (ref.kind === "ref" && !ref.nullable && printer.locator.model(ref.id).kind === "object") return true;
  return ["str", "int", "float", "bool", "object"].includes(printed);
}

function descriptorConstant(method: MethodPlan, printer: TypePrinter, constants: string[]): string {
  const descriptor = method.pagination?.descriptor ?? {};
  const name = `_${printer.locator.names.id(method.name, "constant")}_PAGINATION`;
  printer.imports.add(RUNTIME, "PaginationDescriptor");
  const fields = Object.entries(descriptor)
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) =>
        `    ${snake(key)}=${typeof value === "number" ? String(value) : pyString(String(value))},`,
    );
  const text = `${name} = PaginationDescriptor(\n${fields.join("\n")}\n)\n`;
  if (!constants.includes(text)) constants.push(text);
  return name;
}

function snake(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function requestSpec(
  plan: SdkPlan,
  method: MethodPlan,
  params: { param: ParamPlan; python: string }[],
  printer: TypePrinter,
  sendsKey: boolean,
  depth: number,
): string {
  const { imports } = printer;
  const request = method.request;
  const args: string[] = [pyString(request.method.toUpperCase())];
  const path = params.filter(({ param }) => param.location === "path");
  if (path.length > 0) {
    imports.add(RUNTIME, "expand_path");
    args.push(
      `expand_path(${pyString(request.path)}, {${path.map(({ param, python }) => `${pyString(param.wireName)}: ${python}`).join(", ")}})`,
    );
  } else {
    args.push(pyString(request.path));
  }
  const mapping = (location: string) =>
    params
      .filter(({ param }) => param.location === location && !param.wholeBody)
      .map(({ param, python }) => `${pyString(param.wireName)}: ${python}`);
  const query = mapping("query");
  if (query.length > 0) args.push(`query={${query.join(", ")}}`);
  const styles = params
    .filter(({ param }) => param.location === "query" && param.serialization)
    .filter(({ param }) => param.serialization?.style !== "form" || param.serialization.explode === false)
    .map(
      ({ param }) =>
        `${pyString(param.wireName)}: (${pyString(param.serialization?.style ?? "form")}, ${pyLiteral(param.serialization?.explode ?? true)})`,
    );
  if (styles.length > 0) args.push(`query_styles={${styles.join(", ")}}`);
  const reserved = params.filter(
    ({ param }) => param.location === "query" && param.serialization?.allowReserved,
  );
  if (reserved.length > 0)
    args.push(
      `allow_reserved=frozenset({${reserved.map(({ param }) => pyString(param.wireName)).join(", ")}})`,
    );
  const headers = mapping("header");
  if (headers.length > 0) args.push(`headers={${headers.join(", ")}}`);
  const cookies = mapping("cookie");
  if (cookies.length > 0) args.push(`cookies={${cookies.join(", ")}}`);
  const body = request.body;
  if (body) {
    const whole = params.find(({ param }) => param.location === "body" && param.wholeBody);
    if (whole) args.push(`body=${whole.python}`);
    else {
      const fields = mapping("body");
      const flag = request.filled.streamFlag;
      if (flag) fields.push(`${pyString(flag.field)}: ${pyLiteral(flag.value)}`);
      args.push(`body={${fields.join(", ")}}`);
    }
    if (body.encoding !== "json") args.push(`body_encoding=${pyString(body.encoding)}`);
    if (body.mediaType !== "application/json" && body.encoding !== "multipart" && body.encoding !== "form") {
      args.push(`content_type=${pyString(body.mediaType)}`);
    }
    if (body.encoding === "form" || body.encoding === "multipart") {
      const bodyStyles = params
        .filter(({ param }) => param.location === "body" && param.serialization)
        .filter(({ param }) => param.serialization?.style !== "form" || param.serialization.explode === false)
        .map(
          ({ param }) =>
            `${pyString(param.wireName)}: (${pyString(param.serialization?.style ?? "form")}, ${pyLiteral(param.serialization?.explode ?? true)})`,
        );
      if (bodyStyles.length > 0) args.push(`body_styles={${bodyStyles.join(", ")}}`);
      const parts = params
        .filter(({ param }) => param.location === "body" && param.serialization?.contentType)
        .map(
          ({ param }) => `${pyString(param.wireName)}: ${pyString(param.serialization?.contentType ?? "")}`,
        );
      if (parts.length > 0) args.push(`part_types={${parts.join(", ")}}`);
    }
  }
  const security = ownSecurity(plan, method, printer.locator.names);
  if (security !== undefined) args.push(`security=${security}`);
  imports.add(RUNTIME, "request_options");
  const options = [
    "extra_headers=extra_headers",
    "extra_query=extra_query",
    "extra_body=extra_body",
    "timeout=timeout",
    "max_retries=max_retries",
    ...(sendsKey ? ["idempotency_key=idempotency_key"] : []),
  ];
  const pad = " ".repeat(depth);
  const arg = `${pad}    `;
  args.push(`options=request_options(\n${arg}    ${options.join(`,\n${arg}    `)},\n${arg})`);
  return `RequestSpec(\n${arg}${args.join(`,\n${arg}`)},\n${pad})`;
}

/** The method's security alternatives when they are not the API's (`security: []` is `()`: nothing is sent). */
function ownSecurity(plan: SdkPlan, method: MethodPlan, names: PythonNames): string | undefined {
  const { auth } = plan.client;
  const own = alternativesLiteral(names, credentialAlternatives(auth, method.security));
  const root = alternativesLiteral(names, rootAlternatives(plan));
  return own === root ? undefined : own;
}

function methodDocstring(
  method: MethodPlan,
  params: { param: ParamPlan; python: string }[],
  plan: SdkPlan,
): string {
  let text = joinDocs(method.docs.summary, method.docs.description) ?? "";
  if (method.deprecated) text = `Deprecated.\n\n${text}`;
  const documented = params.filter(({ param }) => param.docs);
  if (documented.length > 0) {
    const args = documented
      .map(({ param, python }) => {
        const lines = clean(param.docs);
        return [
          `  ${python}: ${lines[0] ?? ""}`,
          ...lines.slice(1).map((line) => (line === "" ? "" : `    ${line}`)),
        ].join("\n");
      })
      .join("\n\n");
    text = `${text}\n\nArgs:\n${args}`;
  }
  if (method.twinOf) {
    const plain = methodById(plan, method.twinOf);
    text = `${text}\n\nStreams the answer of \`${plan.client.name.join("_")}.${method.id.split(".").slice(0, -1).join(".")}.${plain.name.join("_")}\` as server-sent events.`;
  }
  return docstring(text.trim() || undefined, "        ").replace(/\n$/, "");
}

function renderRawClass(
  resource: ResourcePlan,
  own: ResourceNames,
  flavour: Flavour,
  locator: ModelLocator,
  imports: Imports,
): string {
  const names = locator.names;
  const target = flavour === "sync" ? own.sync : own.async;
  const wrapper = flavour === "sync" ? "to_raw_response_wrapper" : "async_to_raw_response_wrapper";
  const className = `${flavour === "sync" ? "" : "Async"}${own.sync}WithRawResponse`;
  const argument = names.id(resource.property, "parameter");
  // Every method: plain calls, lists (the first page's response) and streams (the stream is `.parse()`).
  const methods = resource.methods;
  if (methods.length > 0) imports.add(RUNTIME, wrapper);
  const lines = [
    `\nclass ${className}:`,
    `    """\`${target}\` methods returning the raw \`APIResponse\` (status, headers, \`.parse()\`)."""`,
    "",
    `    def __init__(self, ${argument}: ${target}) -> None:`,
    ...(methods.length === 0 ? [`        self._resource = ${argument}`] : []),
    ...methods.map((method) => {
      const name = names.id(method.name, "method");
      return `        self.${name} = ${wrapper}(${argument}.${name})`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}

/** Every resource module to write, with its names. */
export function resourceModules(
  plan: SdkPlan,
  names: PythonNames,
): { resource: ResourcePlan; names: ResourceNames }[] {
  return allResources(plan).map((resource) => ({ resource, names: resourceNames(resource, names) }));
}

export { webhookEventType };
