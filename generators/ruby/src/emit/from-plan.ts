import {
  type MethodPlan,
  type ModelPlan,
  PAGINATION_FIELDS,
  type ParamPlan,
  PLAN_VERSION,
  type ResourcePlan,
  type SdkPlan,
  type TypeRef,
} from "@embott/codegen-core";
import { rubyNaming } from "../naming";
import { type RubyAuth, rubyAuth } from "./credentials";
import type {
  RubyMethod,
  RubyModel,
  RubyParam,
  RubyReturn,
  RubySdk,
  RubyService,
  RubyTypeRef,
} from "./sdk-view";

/** The runtime pager's descriptor key for a plan descriptor field: the same name in snake_case (`itemCursor` → `item_cursor`). */
function paginationKey(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Methods every service has already (webhook helpers, Object's), which a generated method must not replace. */
const SERVICE_METHODS = new Set([
  "verify",
  "unwrap",
  "generate_test_header",
  "initialize",
  "inspect",
  "path_param",
]);

/** The Ruby view of an SDK plan: every name cased for Ruby, everything else as the plan decided it. */
export function buildRubySdk(plan: SdkPlan): RubySdk {
  if (plan.planVersion !== PLAN_VERSION)
    throw new Error(`Ruby emitter reads plan version ${PLAN_VERSION}, got ${plan.planVersion}`);
  const client = plan.client;
  const moduleName = rubyNaming.identifier(client.name, "type");
  const auth = rubyAuth(plan);
  const primary = auth.credentials.find((credential) => credential.primary);
  const envelope = client.errorEnvelope;
  const server = client.servers[0];
  const signature = plan.webhooks?.signature;
  const models = plan.models.map(toModel);
  return {
    moduleName,
    libDir: rubyNaming.identifier(words(plan.sdk.packageName), "file"),
    gemName: plan.sdk.packageName,
    sdkName: client.env.prefix.toLowerCase(),
    title: plan.info.title,
    description: client.docs,
    config: {
      apiKeyEnv: primary?.env,
      baseUrlEnv: client.env.baseUrl,
      webhookSecretEnv: client.env.webhookSecret,
      defaultBaseUrl: server?.url ?? client.defaultBaseUrl,
      serverVariables: (server?.variables ?? []).map((variable) => ({
        name: variable.placeholder,
        keyword: rubyNaming.identifier(variable.name, "parameter"),
        default: variable.default,
        enum: variable.enum,
        description: variable.description,
      })),
      credentials: auth.credentials,
      security: auth.root,
      errorEnvelope: envelope && {
        message: envelope.message,
        type: envelope.type,
        code: envelope.code,
        param: envelope.param,
        requestId: envelope.requestId,
      },
      requestIdHeader: client.headers.requestId,
      retry: { statuses: client.retry.statuses, minServerError: client.retry.minServerErrorStatus },
      webhookScheme: signature
        ? {
            header: signature.header,
            scheme: signature.scheme,
            encoding: signature.encoding,
            prefix: signature.prefix,
            tolerance: signature.tolerance,
          }
        : undefined,
    },
    services: plan.resources.map((resource) => toService(resource, auth)),
    models,
    webhookEvents: (plan.webhooks?.events ?? []).map((event) => ({
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

function toModel(model: ModelPlan): RubyModel {
  const base = {
    id: model.id,
    className: rubyNaming.identifier(model.name, "type"),
    file: rubyNaming.identifier(model.name, "file"),
    description: model.docs,
    deprecated: model.deprecated,
  };
  switch (model.kind) {
    case "object":
      return {
        ...base,
        kind: "object",
        fields: model.fields.map((field) => ({
          reader: rubyNaming.identifier(field.name, "property"),
          wireName: field.wireName,
          type: typeRef(field.type),
          required: field.required,
          nullable: field.nullable,
          description: field.docs,
          deprecated: field.deprecated,
        })),
      };
    case "enum":
      return {
        ...base,
        kind: "enum",
        values: model.values.map((value) => ({
          constant: rubyNaming.identifier(value.name, "enumMember"),
          value: value.value,
        })),
      };
    case "union":
      return {
        ...base,
        kind: "union",
        discriminator: model.discriminator,
        variants: model.variants.map(typeRef),
      };
    case "alias":
      return { ...base, kind: "alias", type: typeRef(model.type) };
  }
}

function toService(resource: ResourcePlan, auth: RubyAuth): RubyService {
  return {
    className: rubyNaming.identifier(resource.className, "type"),
    reader: rubyNaming.identifier(resource.property, "resource"),
    file: resource.path.map((segment) => rubyNaming.identifier(segment, "file")).join("_"),
    description: resource.description,
    methods: resource.methods.map((method) => toMethod(method, auth)),
    children: resource.children.map((child) => toService(child, auth)),
    webhookHelpers: resource.verifiesWebhooks,
  };
}

function toMethod(method: MethodPlan, auth: RubyAuth): RubyMethod {
  const name = rubyNaming.identifier(method.name, "method");
  const body = method.request.body;
  const params = method.params.map((param) => toParam(param, body?.encoding));
  const flag = method.request.filled.streamFlag;
  return {
    name: SERVICE_METHODS.has(name) ? `${name}_` : name,
    summary: method.docs.summary,
    description: method.docs.description,
    deprecated: method.deprecated,
    httpMethod: method.request.method,
    path: method.request.path,
    params,
    body: body
      ? { encoding: body.encoding, mediaType: body.mediaType, whole: body.mode === "whole" }
      : undefined,
    extraBodyFields: body?.mode === "fields" && body.extraFields !== undefined,
    fixedBody: flag ? { [flag.field]: flag.value } : {},
    returns: toReturn(method),
    scopes: method.scopes,
    security: ownSecurity(method, auth),
  };
}

/** The method's alternatives when they differ from the client's default ones. */
function ownSecurity(method: MethodPlan, auth: RubyAuth): string[][] | undefined {
  const own = auth.alternatives(method.security);
  return JSON.stringify(own) === JSON.stringify(auth.root) ? undefined : own;
}

function toParam(param: ParamPlan, encoding: string | undefined): RubyParam {
  const keyword = rubyNaming.identifier(param.name, "parameter");
  const literal = param.type.kind === "literal" && param.type.value !== null ? param.type.value : undefined;
  const serialization = param.serialization;
  const isFile = param.type.kind === "primitive" && param.type.format === "binary";
  return {
    keyword: ["request_options", "extra_fields", "url_path"].includes(keyword) ? `${keyword}_` : keyword,
    wireName: param.wireName,
    location: param.location,
    required: param.required,
    fixed: param.required ? literal : undefined,
    nullable: param.type.nullable === true,
    type: typeRef(param.type),
    description: param.docs,
    deprecated: param.deprecated,
    style:
      serialization && !isDefaultStyle(param.location, serialization, encoding) ? serialization : undefined,
    file: isFile && encoding === "multipart" ? true : undefined,
  };
}

/** Query `form` exploded, path/header `simple`, cookies and JSON body fields need no style in generated code. */
function isDefaultStyle(
  location: string,
  serialization: NonNullable<ParamPlan["serialization"]>,
  encoding?: string,
): boolean {
  if (serialization.contentType) return false;
  if (serialization.allowReserved) return false;
  if (location === "path" || location === "header") return serialization.style === "simple";
  if (location === "cookie") return true;
  if (location === "body" && encoding !== "form") return true;
  return serialization.style === "form" && serialization.explode;
}

function toReturn(method: MethodPlan): RubyReturn {
  if (method.kind === "stream" && method.stream) {
    const text = method.stream.parse === "text";
    return {
      kind: "stream",
      event: text ? undefined : typeRef(method.stream.event),
      stream: {
        discriminator: method.stream.discriminator,
        final: method.stream.final,
        parse: method.stream.parse,
      },
    };
  }
  if (method.kind === "page" && method.pagination) {
    const pagination: Record<string, string | number> = {};
    const descriptor: Partial<Record<string, unknown>> = method.pagination.descriptor;
    for (const field of PAGINATION_FIELDS) {
      const value = descriptor[field];
      if (value !== undefined) pagination[paginationKey(field)] = value as string | number;
    }
    const item = method.pagination.item.kind === "unknown" ? undefined : typeRef(method.pagination.item);
    return { kind: "page", item, pagination };
  }
  const response = method.response;
  if (response.kind === "empty") return { kind: "empty" };
  if (response.kind === "text" || response.kind === "binary")
    return { kind: response.kind, description: response.description };
  return {
    kind: "model",
    type: response.type ? typeRef(response.type) : undefined,
    description: response.description,
  };
}
