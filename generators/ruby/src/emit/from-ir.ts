import {
  type IR,
  type Model,
  NameScope,
  type Operation,
  type Resource,
  type TypeRef,
} from "@embott/codegen-core";
import { rubyNaming } from "../naming";
import type {
  RubyMethod,
  RubyModel,
  RubyParam,
  RubyReturn,
  RubySdk,
  RubyService,
  RubyTypeRef,
} from "./sdk-view";

const PAGINATION_KEYS: Record<string, string> = {
  style: "style",
  items: "items",
  cursorParam: "cursor_param",
  nextCursor: "next_cursor",
  hasMore: "has_more",
  offsetParam: "offset_param",
  total: "total",
  pageParam: "page_param",
  totalPages: "total_pages",
  startPage: "start_page",
  nextUrl: "next_url",
  limitParam: "limit_param",
};

/** The Ruby view of an IR. */
export function buildRubySdk(ir: IR): RubySdk {
  const moduleName = rubyNaming.identifier(words(ir.sdk.clientName), "type");
  const libDir = rubyNaming.identifier(words(ir.sdk.packageName), "file");
  const classNames = new NameScope();
  const files = new NameScope(true);
  const modelNames = new Map<string, string>();
  for (const model of ir.models)
    modelNames.set(model.id, classNames.claim(rubyNaming.identifier(model.name.words, "type")));
  const models = ir.models.map((model) => toModel(model, modelNames, files));
  const server = ir.servers[0];
  const scheme = ir.auth[0];
  const services = buildServices(ir, models);
  return {
    moduleName,
    libDir,
    gemName: ir.sdk.packageName,
    sdkName: ir.sdk.packageName,
    title: ir.info.title,
    description: ir.info.description,
    config: {
      apiKeyEnv: ir.sdk.apiKeyEnv,
      baseUrlEnv: ir.sdk.baseUrlEnv,
      defaultBaseUrl: server?.url ?? "http://localhost",
      serverVariables: (server?.variables ?? []).map((variable) => ({
        name: variable.name,
        keyword: rubyNaming.identifier(words(variable.name), "parameter"),
        default: variable.default,
        enum: variable.enum,
        description: variable.description,
      })),
      auth: !scheme
        ? { kind: "none" }
        : scheme.kind === "apiKey" && scheme.in === "header"
          ? { kind: "header", name: scheme.parameterName }
          : scheme.kind === "apiKey" && scheme.in === "query"
            ? { kind: "query", name: scheme.parameterName }
            : { kind: "bearer" },
      webhookScheme: ir.webhookSignature
        ? {
            header: ir.webhookSignature.header,
            scheme: ir.webhookSignature.scheme,
            encoding: ir.webhookSignature.encoding,
            prefix: ir.webhookSignature.prefix,
            tolerance: ir.webhookSignature.tolerance,
          }
        : undefined,
    },
    services,
    models,
    webhookEvents: ir.webhooks.map((event) => ({
      type: event.type,
      modelId: event.payload?.kind === "ref" ? event.payload.id : undefined,
      summary: event.docs.summary,
    })),
  };
}

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function typeRef(type: TypeRef | undefined): RubyTypeRef {
  if (!type) return { kind: "unknown" };
  switch (type.kind) {
    case "primitive":
      return { kind: "primitive", type: type.type, format: type.format };
    case "literal":
      return { kind: "literal", value: type.value };
    case "array":
      return { kind: "array", items: typeRef(type.items) };
    case "map":
      return { kind: "map", values: typeRef(type.values) };
    case "ref":
      return { kind: "model", id: type.id };
    default:
      return { kind: "unknown" };
  }
}

function toModel(model: Model, names: Map<string, string>, files: NameScope): RubyModel {
  const className = names.get(model.id) ?? "Unnamed";
  const base = {
    id: model.id,
    className,
    file: files.claim(rubyNaming.identifier(model.name.words, "file"), "_"),
    description: model.description,
    deprecated: model.deprecated,
  };
  switch (model.kind) {
    case "object": {
      const readers = new NameScope();
      return {
        ...base,
        kind: "object",
        fields: model.properties.map((property) => ({
          reader: readers.claim(rubyNaming.identifier(property.words, "property"), "_"),
          wireName: property.name,
          type: typeRef(property.type),
          required: property.required,
          nullable: property.type.nullable === true,
          description: property.description,
          deprecated: property.deprecated,
        })),
      };
    }
    case "enum": {
      const constants = new NameScope();
      return {
        ...base,
        kind: "enum",
        values: model.values.map((value) => ({
          constant: constants.claim(rubyNaming.identifier(value.name.words, "enumMember"), "_"),
          value: value.value,
        })),
      };
    }
    case "union":
      return {
        ...base,
        kind: "union",
        discriminator: model.discriminator
          ? { property: model.discriminator.property, mapping: model.discriminator.mapping }
          : undefined,
        variants: model.variants.map(typeRef),
      };
    case "alias":
      return { ...base, kind: "alias", type: typeRef(model.type) };
  }
}

function buildServices(ir: IR, models: RubyModel[]): RubyService[] {
  const classes = new NameScope();
  const files = new NameScope(true);
  const top: RubyService[] = [];
  const byId = new Map<string, RubyService>();
  const sorted = [...ir.resources].sort((a, b) => a.path.length - b.path.length || a.id.localeCompare(b.id));
  for (const resource of sorted) {
    const service = toService(resource, ir, models, classes, files);
    byId.set(resource.id, service);
    const parent = byId.get(resource.id.split(".").slice(0, -1).join("."));
    (parent ? parent.children : top).push(service);
  }
  if (ir.webhookSignature && !top.some((service) => service.reader === "webhooks")) {
    top.push({
      className: classes.claim("Webhooks"),
      reader: "webhooks",
      file: files.claim("webhooks"),
      description: "Verifies and parses webhook deliveries.",
      methods: [],
      children: [],
      webhookHelpers: true,
    });
  }
  return top;
}

function toService(
  resource: Resource,
  ir: IR,
  models: RubyModel[],
  classes: NameScope,
  files: NameScope,
): RubyService {
  const segments = resource.path.map((name) => name.words);
  const className = classes.claim(rubyNaming.identifier(segments.flat(), "type"));
  const reader = rubyNaming.identifier(segments.at(-1) ?? ["resource"], "resource");
  const methods = new NameScope();
  for (const reserved of ["verify", "unwrap", "generate_test_header", "initialize"]) methods.claim(reserved);
  const isWebhooks = reader === "webhooks" && ir.webhookSignature !== undefined;
  return {
    className,
    reader,
    file: files.claim(rubyNaming.identifier(segments.flat(), "file"), "_"),
    description: resource.description,
    methods: resource.operations.map((operation) => toMethod(operation, ir, models, methods)),
    children: [],
    webhookHelpers: isWebhooks,
  };
}

function toMethod(operation: Operation, ir: IR, models: RubyModel[], names: NameScope): RubyMethod {
  const keywords = new NameScope();
  keywords.claim("request_options");
  keywords.claim("extra_fields");
  const params: RubyParam[] = operation.parameters
    .filter((parameter) => parameter.name !== operation.idempotencyHeader && parameter.in !== "cookie")
    .map((parameter) => ({
      keyword: keywords.claim(rubyNaming.identifier(parameter.words, "parameter"), "_"),
      wireName: parameter.name,
      location: parameter.in as RubyParam["location"],
      required: parameter.required,
      nullable: parameter.type.nullable === true,
      type: typeRef(parameter.type),
      description: parameter.description,
      deprecated: parameter.deprecated,
    }));
  const bodyType = operation.body?.type;
  const bodyModel =
    bodyType?.kind === "ref" ? ir.models.find((model) => model.id === bodyType.id) : undefined;
  const flag = operation.streaming?.flag;
  let wholeBody: RubyMethod["wholeBody"];
  let extraBodyFields = false;
  if (operation.body && bodyModel?.kind === "object") {
    for (const property of bodyModel.properties) {
      if (property.name === flag || property.readOnly) continue;
      params.push({
        keyword: keywords.claim(rubyNaming.identifier(property.words, "parameter"), "_"),
        wireName: property.name,
        location: "body",
        required: property.required,
        nullable: property.type.nullable === true,
        type: typeRef(property.type),
        description: property.description,
        deprecated: property.deprecated,
      });
    }
    extraBodyFields =
      bodyModel.additionalProperties !== undefined && bodyModel.additionalProperties !== false;
  } else if (operation.body) {
    wholeBody = {
      keyword: keywords.claim("body"),
      required: operation.body.required,
      type: typeRef(operation.body.type),
      description: operation.body.description,
    };
  }
  return {
    name: names.claim(rubyNaming.identifier(operation.name.words, "method"), "_"),
    summary: operation.docs.summary,
    description: operation.docs.description,
    deprecated: operation.deprecated,
    httpMethod: operation.httpMethod,
    path: operation.path,
    params,
    wholeBody,
    extraBodyFields,
    fixedBody: flag && operation.streaming ? { [flag]: true } : {},
    returns: toReturn(operation, models),
    scopes: operation.scopes,
  };
}

function toReturn(operation: Operation, models: RubyModel[]): RubyReturn {
  if (operation.streaming) {
    const events = operation.streaming.events ?? operation.response.type;
    const text = !events || (events.kind === "primitive" && events.type === "string");
    return {
      kind: "stream",
      event: text ? undefined : typeRef(events),
      stream: {
        discriminator: operation.streaming.discriminator,
        final: operation.streaming.final,
        parse: text ? "text" : "json",
      },
    };
  }
  if (operation.pagination) {
    const pagination: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(operation.pagination)) {
      const rubyKey = PAGINATION_KEYS[key];
      if (rubyKey && value !== undefined) pagination[rubyKey] = value as string | number;
    }
    return { kind: "page", item: itemType(operation, models), pagination };
  }
  if (operation.response.kind === "empty") return { kind: "empty" };
  return {
    kind: "model",
    type: operation.response.type ? typeRef(operation.response.type) : undefined,
    description: operation.response.description,
  };
}

/** The type of one item of a paginated list: the `items` field of the list model (or the array's items). */
function itemType(operation: Operation, models: RubyModel[]): RubyTypeRef | undefined {
  const response = operation.response.type;
  if (!response) return undefined;
  if (response.kind === "array") return typeRef(response.items);
  if (response.kind !== "ref") return undefined;
  const list = models.find((model) => model.id === response.id);
  if (list?.kind !== "object") return undefined;
  const field = list.fields.find(
    (candidate) => candidate.wireName === (operation.pagination?.items ?? "data"),
  );
  return field?.type.kind === "array" ? field.type.items : undefined;
}
