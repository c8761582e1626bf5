import type { AuthSchemePlan, SdkPlan, ServerPlan } from "@embott/codegen-core";
import {
  CodeWriter,
  escapeTemplate,
  literalUnion,
  memberAccess,
  objectLiteral,
  propertyKey,
  quote,
  valueLiteral,
} from "../printer";
import { type ClientAuth, clientAuth } from "./auth";
import { tsHeader } from "./header";
import { ImportSet, RUNTIME } from "./imports";
import type { TsNames } from "./names";
import { resourceFile } from "./resource";

export const CLIENT_FILE = "client.ts";

/** The constructor's options parameter. */
const OPTIONS = "options";

export interface ClientInput {
  plan: SdkPlan;
  names: TsNames;
  sdkVersion: string;
  /** The runtime's error classes, attached as statics (`Embott.NotFoundError`). */
  errorClasses: readonly string[];
  specLabel: string;
}

/** The client's own options type name, when the default server has variables or it takes more credentials. */
export function clientOptionsType(plan: SdkPlan, names: TsNames): string | undefined {
  const server = plan.client.servers[0];
  const own = (server && server.variables.length > 0) || clientAuth(plan, names).others.length > 0;
  return own ? names.typeName([...plan.client.name, "options"]) : undefined;
}

/**
 * Prints `client.ts`: the client class wiring every top-level resource to the runtime's `APIClient`, with the
 * error classes as statics, typed options for server variables, and a default export.
 */
export function renderClient(input: ClientInput, optionsType: string | undefined): string {
  const { plan, names } = input;
  const className = names.client;
  const auth = clientAuth(plan, names);
  const baseOptions = runtimeOptionsType(auth);
  const imports = new ImportSet(CLIENT_FILE)
    .add(RUNTIME.client, "APIClient")
    .type(RUNTIME.options, baseOptions);
  for (const name of input.errorClasses) imports.add(RUNTIME.error, name);
  for (const resource of plan.resources) {
    imports.add(resourceFile(resource).replace(/\.ts$/, ""), names.resourceClass(resource));
  }
  const body = new CodeWriter();
  const server = plan.client.servers[0];
  if (optionsType) writeClientOptions(body, names, optionsType, server, auth, baseOptions).blank();
  body.doc(plan.client.docs);
  body.block(`export class ${className} extends APIClient`, () => {
    for (const name of input.errorClasses) body.line(`static readonly ${name} = ${name};`);
    if (input.errorClasses.length > 0) body.blank();
    for (const resource of plan.resources) {
      const resourceClass = names.resourceClass(resource);
      body.line(
        `readonly ${names.resourceProperty(resource, "client")}: ${resourceClass} = new ${resourceClass}(this);`,
      );
    }
    body.blank();
    body.block(`constructor(${OPTIONS}: ${optionsType ?? baseOptions} = {})`, () => {
      const baseURL = server && server.variables.length > 0 ? baseURLTemplate(names, server) : undefined;
      body.line(`super(${OPTIONS}, ${sdkConfigLiteral(plan, auth, input.sdkVersion, baseURL)});`);
    });
  });
  body.blank().line(`export default ${className};`);
  const file = new CodeWriter().line(tsHeader(input.specLabel)).blank();
  imports.write(file);
  return `${file.toString()}\n${body.toString()}`;
}

/** The `SDKConfig` literal the generated client passes to `APIClient`. */
function sdkConfigLiteral(
  plan: SdkPlan,
  auth: ClientAuth,
  sdkVersion: string,
  baseURL: string | undefined,
): string {
  const { client } = plan;
  const entries: [string, string][] = [
    ["sdkName", quote(plan.sdk.packageName)],
    ["sdkVersion", quote(sdkVersion)],
    ["defaultBaseURL", baseURL ?? quote(client.defaultBaseUrl)],
    ...(auth.apiKeyEnv ? [["apiKeyEnv", quote(auth.apiKeyEnv)] as [string, string]] : []),
    ["baseURLEnv", quote(client.env.baseUrl)],
    ["logEnv", quote(client.env.log)],
    ["auth", valueLiteral(runtimeAuth(auth.apiKey))],
  ];
  if (auth.others.length > 0) {
    const credentials = auth.others.map(
      ({ option, env, scheme }) =>
        [option, valueLiteral({ scheme: runtimeAuth(scheme), env })] as [string, string],
    );
    entries.push(["credentials", objectLiteral(credentials)]);
  }
  if (auth.security) entries.push(["security", valueLiteral(auth.security)]);
  if (client.errorEnvelope) {
    const { model: _model, ...paths } = client.errorEnvelope;
    entries.push(["errorEnvelope", valueLiteral(paths)]);
  }
  entries.push(["requestIdHeader", quote(client.headers.requestId)]);
  const { maxRetries, statuses, minServerErrorStatus } = client.retry;
  entries.push(["retry", valueLiteral({ maxRetries, statuses, minServerErrorStatus })]);
  if (client.env.webhookSecret) entries.push(["webhookSecretEnv", quote(client.env.webhookSecret)]);
  if (plan.webhooks?.signature) entries.push(["webhookSignature", valueLiteral(plan.webhooks.signature)]);
  return objectLiteral(entries);
}

/** The runtime's `AuthScheme` for a scheme (`none`: the client takes no `apiKey`). */
function runtimeAuth(scheme: AuthSchemePlan | undefined): Record<string, string> {
  switch (scheme?.placement) {
    case "bearer":
    case "basic":
      return { kind: scheme.placement };
    case "header":
    case "query":
    case "cookie":
      return { kind: scheme.placement, name: scheme.parameterName! };
    default:
      return { kind: "none" };
  }
}

/** `` `https://${options.region ?? "eu"}.api.example.com/v1` ``. */
function baseURLTemplate(names: TsNames, server: ServerPlan): string {
  const pieces = server.url.split(/(\{[^}]+\})/).filter(Boolean);
  const parts = pieces.map((piece) => {
    const variable = server.variables.find((candidate) => `{${candidate.placeholder}}` === piece);
    if (!variable) return escapeTemplate(piece);
    return `\${${memberAccess(OPTIONS, names.option(variable.name))} ?? ${quote(variable.default)}}`;
  });
  return `\`${parts.join("")}\``;
}

/**
 * The runtime's options type the client's extend: `ClientOptions` (with `apiKey`), or `NoAuthClientOptions` when
 * the API takes no credentials, so passing an `apiKey` is a type error.
 */
function runtimeOptionsType(auth: ClientAuth): string {
  return auth.apiKey ? "ClientOptions" : "NoAuthClientOptions";
}

/** `export interface EmbottOptions extends ClientOptions { region?: "eu" | "us"; authEmail?: string … }`. */
function writeClientOptions(
  writer: CodeWriter,
  names: TsNames,
  typeName: string,
  server: ServerPlan | undefined,
  auth: ClientAuth,
  baseOptions: string,
): CodeWriter {
  const variables = server?.variables ?? [];
  const parts = [
    variables.length > 0 ? `the variables of \`${server!.url}\`` : undefined,
    auth.others.length > 0 ? "the credentials besides `apiKey`" : undefined,
  ];
  writer.doc(
    `Options of the client: the runtime's {@link ${baseOptions}} plus ${parts.filter(Boolean).join(" and ")}.`,
  );
  return writer.block(`export interface ${typeName} extends ${baseOptions}`, () => {
    for (const { option, env, scheme } of auth.others) {
      const sent = scheme.parameterName
        ? `\`${scheme.parameterName}\``
        : `the ${scheme.placement} credential`;
      const docs = [
        scheme.description,
        `Sent as ${sent} when an operation's security needs it. Defaults to \`${env}\`.`,
      ];
      writer.doc(docs.filter(Boolean).join("\n\n"));
      writer.line(`${propertyKey(option)}?: string | null | undefined;`);
    }
    for (const variable of variables) {
      const type = variable.enum ? literalUnion(variable.enum) : "string";
      const docs = [
        variable.description,
        `Server variable \`${variable.placeholder}\` of the default base URL; ignored when \`baseURL\` (or its env var) is set.`,
        `Default: \`${quote(variable.default)}\`.`,
      ];
      writer.doc(docs.filter(Boolean).join("\n\n"));
      writer.line(`${propertyKey(names.option(variable.name))}?: ${type};`);
    }
  });
}
