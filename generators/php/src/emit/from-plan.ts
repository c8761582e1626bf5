import {
  type AuthSchemePlan,
  type CredentialPlan,
  credentialAlternatives,
  type LanguageNaming,
  type MethodPlan,
  type ModelPlan,
  modelById,
  type ResourcePlan,
  type SdkPlan,
  type Serialization,
  type TypeRef,
} from "@embott/codegen-core";
import { PhpTypes, phpScalar } from "./types";
import type {
  PhpCredential,
  PhpEvents,
  PhpMethod,
  PhpModel,
  PhpParam,
  PhpReturn,
  PhpSdk,
  PhpService,
  PhpStyle,
  PhpUnionModel,
} from "./view";

/** Version when packages/php/package.json (the release marker, bumped with every SDK) is absent. */
export const SDK_VERSION = "0.1.0";

/** The PHP view of a plan: every name cased and escaped by the PHP naming refiner, every type mapped. */
export function phpView(plan: SdkPlan, naming: LanguageNaming, sdkVersion = SDK_VERSION): PhpSdk {
  const types = new PhpTypes(plan, naming);
  const namespace = naming.identifier(plan.client.name, "type");
  const auth = authOf(plan);
  const options = credentialOptions(plan);
  const securityOf = (method: MethodPlan) =>
    optionNames(credentialAlternatives(plan.client.auth, method.security));
  const rootSecurity = clientSecurity(plan);
  const defaultSecurity = auth === "none" ? [] : [["api_key"]];
  const methodSecurity = (method: MethodPlan): string[][] | undefined => {
    const alternatives = securityOf(method);
    return sameAlternatives(alternatives, rootSecurity) ? undefined : alternatives;
  };
  const models = plan.models.flatMap((model) => modelView(model, plan, types, naming));
  const events = eventsView(plan, types, naming, models);
  const signature = plan.webhooks?.signature;
  return {
    namespace,
    clientClass: "Client",
    sdkName: plan.sdk.packageName.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    sdkVersion,
    apiTitle: plan.info.title,
    apiVersion: plan.info.version,
    defaultBaseUrl: plan.client.servers[0]?.url ?? plan.client.defaultBaseUrl,
    serverVariables: (plan.client.servers[0]?.variables ?? []).map((variable) => ({
      option: variable.placeholder,
      default: variable.default,
      enum: variable.enum ?? [],
      description: variable.description,
    })),
    auth,
    apiKeyEnv: auth === "none" ? undefined : (plan.client.auth.credentials[0]?.env ?? plan.client.env.apiKey),
    credentials: options,
    security: sameAlternatives(rootSecurity, defaultSecurity) ? undefined : rootSecurity,
    errorEnvelope: plan.client.errorEnvelope && {
      message: plan.client.errorEnvelope.message,
      code: plan.client.errorEnvelope.code,
      type: plan.client.errorEnvelope.type,
      param: plan.client.errorEnvelope.param,
      requestId: plan.client.errorEnvelope.requestId,
    },
    requestIdHeader: plan.client.headers.requestId,
    retry: {
      statuses: plan.client.retry.statuses,
      minServerErrorStatus: plan.client.retry.minServerErrorStatus,
    },
    baseUrlEnv: plan.client.env.baseUrl,
    webhookSecretEnv: signature ? plan.client.env.webhookSecret : undefined,
    webhookScheme: signature
      ? {
          header: signature.header,
          scheme: signature.scheme,
          encoding: signature.encoding,
          prefix: signature.prefix ?? "",
          tolerance: signature.tolerance ?? 300,
        }
      : undefined,
    services: plan.resources.map((resource) =>
      serviceView(resource, [], types, naming, signature !== undefined, methodSecurity),
    ),
    models,
    events,
  };
}

/** The runtime's `SdkConfig::$auth` for the primary scheme (the `api_key` option). */
function authOf(plan: SdkPlan): string {
  const primary = plan.client.auth.credentials.find(
    (credential) => credential.scheme === plan.client.auth.primary,
  );
  return primary ? placementOf(schemeOf(plan, primary)) : "none";
}

function schemeOf(plan: SdkPlan, credential: CredentialPlan): AuthSchemePlan | undefined {
  return plan.client.auth.schemes.find((scheme) => scheme.id === credential.scheme);
}

/** `bearer`, `basic`, `header:<Name>`, `query:<name>`, `cookie:<name>`; `none` when the SDK cannot send it. */
function placementOf(scheme: AuthSchemePlan | undefined): string {
  switch (scheme?.placement) {
    case "bearer":
    case "basic":
      return scheme.placement;
    case "header":
    case "query":
    case "cookie":
      return `${scheme.placement}:${scheme.parameterName ?? "api_key"}`;
    default:
      return "none";
  }
}

/** A credential's client option: snake_case like every other option (`api_key`, `auth_email`). */
function optionName(credential: CredentialPlan): string {
  return credential.name.map((word) => word.toLowerCase()).join("_");
}

/** The credential options besides the primary's `api_key`. */
function credentialOptions(plan: SdkPlan): PhpCredential[] {
  return plan.client.auth.credentials
    .filter((credential) => credential.scheme !== plan.client.auth.primary)
    .map((credential) => {
      const scheme = schemeOf(plan, credential);
      return {
        scheme: credential.scheme,
        option: optionName(credential),
        placement: placementOf(scheme),
        env: credential.env,
        description: scheme?.description,
      };
    });
}

function optionNames(alternatives: CredentialPlan[][]): string[][] {
  return alternatives.map((alternative) => alternative.map(optionName));
}

/** The alternatives the client checks at construction and methods with the same list share (the plan's). */
function clientSecurity(plan: SdkPlan): string[][] {
  return optionNames(credentialAlternatives(plan.client.auth, plan.client.auth.defaultSecurity));
}

function sameAlternatives(a: string[][], b: string[][]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function serviceView(
  resource: ResourcePlan,
  parents: string[],
  types: PhpTypes,
  naming: LanguageNaming,
  signs: boolean,
  security: (method: MethodPlan) => string[][] | undefined,
): PhpService {
  const property = naming.identifier(resource.property, "property");
  const path = [...parents, property];
  return {
    property,
    className: naming.identifier([...resource.className, "service"], "type"),
    description: resource.description,
    methods: resource.methods.map((method) => ({
      ...methodView(method, path, types, naming),
      security: security(method),
    })),
    children: resource.children.map((child) => serviceView(child, path, types, naming, signs, security)),
    webhookHelpers: signs && resource.verifiesWebhooks,
  };
}

function methodView(
  method: MethodPlan,
  path: string[],
  types: PhpTypes,
  naming: LanguageNaming,
): Omit<PhpMethod, "security"> {
  const name = naming.identifier(method.name, "method");
  const params: PhpParam[] = method.params.map((param) => ({
    wire: param.wireName,
    in: param.location,
    required: param.required,
    type: types.of(param.type),
    doc: types.input(param.type),
    description: param.docs,
    deprecated: param.deprecated,
  }));
  const flag = method.request.filled.streamFlag;
  const body = method.request.body;
  const styles: Record<string, PhpStyle> = {};
  for (const param of method.params) {
    const style = param.serialization;
    if (!style || isDefaultStyle(param.location, style, body?.encoding)) continue;
    styles[param.wireName] = {
      style: style.style,
      explode: style.explode,
      allowReserved: style.allowReserved,
      contentType: style.contentType,
    };
  }
  const files =
    body?.encoding === "multipart"
      ? method.params
          .filter((param) => param.location === "body" && isBinary(param.type))
          .map((param) => param.wireName)
      : [];
  return {
    name,
    label: `${path.join(".")}.${name}`,
    summary: method.docs.summary,
    description: method.docs.description,
    deprecated: method.deprecated,
    httpMethod: method.request.method.toUpperCase(),
    path: method.request.path,
    params,
    openBody: method.request.body?.extraFields !== undefined,
    wholeBody: method.params.find((param) => param.wholeBody)?.wireName,
    fixedBody: flag ? { [flag.field]: flag.value } : {},
    encoding: body?.encoding ?? "json",
    mediaType: body?.mediaType ?? "application/json",
    styles,
    files,
    dates: method.params
      .filter((param) => param.type.kind === "primitive" && param.type.format === "date")
      .map((param) => param.wireName),
    returns: returnOf(method, types),
    scopes: method.scopes,
  };
}

/** Whether a serialisation is what the runtime does anyway for that location (so generated code omits it). */
function isDefaultStyle(location: string, style: Serialization, encoding: string | undefined): boolean {
  if (style.allowReserved || style.contentType !== undefined) return false;
  if (location === "path" || location === "header") return style.style === "simple" && !style.explode;
  if (location === "body" && encoding !== "form") return true;
  return style.style === "form" && style.explode;
}

function isBinary(type: TypeRef): boolean {
  return (
    type.kind === "primitive" &&
    type.type === "string" &&
    (type.format === "binary" || type.format === "byte")
  );
}

function returnOf(method: MethodPlan, types: PhpTypes): PhpReturn {
  if (method.kind === "page" && method.pagination) {
    const descriptor = Object.fromEntries(
      Object.entries(method.pagination.descriptor).filter(([, value]) => value !== undefined),
    ) as Record<string, string | number>;
    return { kind: "page", item: types.of(method.pagination.item), pagination: descriptor };
  }
  if (method.kind === "stream" && method.stream) {
    return {
      kind: "stream",
      event: types.of(method.stream.event),
      discriminator: method.stream.discriminator ?? "type",
      final: method.stream.final,
      parse: method.stream.parse,
    };
  }
  const response = method.response;
  if (response.kind === "empty") return { kind: "void" };
  if (response.kind === "text" || response.kind === "binary") return { kind: "raw" };
  if (response.kind === "json" && response.type) return { kind: "model", type: types.of(response.type) };
  return { kind: "model", type: types.of({ kind: "unknown" }) };
}

function modelView(model: ModelPlan, plan: SdkPlan, types: PhpTypes, naming: LanguageNaming): PhpModel[] {
  const className = types.className(model);
  switch (model.kind) {
    case "object":
      return [
        {
          kind: "object",
          className,
          description: model.docs,
          deprecated: model.deprecated,
          properties: model.fields
            .filter((field) => !field.writeOnly)
            .map((field) => ({
              wire: field.wireName,
              name: naming.identifier(field.name, "property"),
              type: types.of(field.type),
              nullable: !field.required || field.nullable,
              description: field.docs,
              deprecated: field.deprecated,
            })),
        },
      ];
    case "enum":
      return [
        {
          kind: "enum",
          className,
          description: model.docs,
          valueType: phpScalar(model.valueType),
          cases: model.values.map((item) => ({
            constant: naming.identifier(item.name, "constant"),
            value: item.value,
          })),
        },
      ];
    case "union": {
      if (!types.isObjectUnion(model.variants)) return [];
      const variants = model.variants.map((variant) =>
        variant.kind === "ref" ? types.className(modelById(plan, variant.id)) : "",
      );
      const union: PhpUnionModel = {
        kind: "union",
        className,
        description: model.docs,
        discriminator: model.discriminator
          ? {
              property: model.discriminator.property,
              mapping: model.discriminator.mapping.map((entry) => ({
                value: entry.value,
                className: types.className(modelById(plan, entry.id)),
              })),
            }
          : undefined,
        variants,
      };
      return [union];
    }
    case "alias":
      return [];
  }
}

/** The class unwrap() returns: the spec's own event union, or one declared over every event payload. */
function eventsView(
  plan: SdkPlan,
  types: PhpTypes,
  naming: LanguageNaming,
  models: PhpModel[],
): PhpEvents | undefined {
  const webhooks = plan.webhooks;
  if (!webhooks || "none" in webhooks.union) return undefined;
  if ("existing" in webhooks.union) {
    const model = modelById(plan, webhooks.union.existing);
    const name = types.className(model);
    return models.some((candidate) => candidate.className === name) ? { className: name } : undefined;
  }
  const className = naming.identifier(webhooks.union.name, "type");
  const mapping = webhooks.events.flatMap((event) => {
    const payload = event.payload;
    if (payload?.kind !== "ref") return [];
    const model = modelById(plan, payload.id);
    return model.kind === "object" ? [{ value: event.type, className: types.className(model) }] : [];
  });
  if (mapping.length === 0) return undefined;
  models.push({
    kind: "union",
    className,
    description: "Any webhook event; the `type` field selects the class.",
    discriminator: { property: "type", mapping },
    variants: [...new Set(mapping.map((entry) => entry.className))],
  });
  return { className };
}
