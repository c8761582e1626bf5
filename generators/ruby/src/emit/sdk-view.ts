/**
 * What the Ruby renderers need, in Ruby terms: class, file, method and keyword names already final. Built
 * from the SDK plan by `buildRubySdk` (see ./from-plan.ts); the renderers read only this.
 */

/** A value type, language-neutral (a model is referenced by id). */
export type RubyTypeRef =
  | { kind: "primitive"; type: "string" | "integer" | "number" | "boolean"; format?: string }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "array"; items: RubyTypeRef }
  | { kind: "map"; values: RubyTypeRef }
  | { kind: "model"; id: string }
  | { kind: "unknown" };

export interface RubySdk {
  /** Root module, e.g. "Embott". */
  moduleName: string;
  /** Folder under lib/ and the entry file's name, e.g. "embott". */
  libDir: string;
  /** Gem name. */
  gemName: string;
  /** Used in the User-Agent and telemetry headers, e.g. "embott". */
  sdkName: string;
  title: string;
  description?: string;
  config: RubyClientConfig;
  /** Top-level services (`client.bots`); nested ones hang off their parent. */
  services: RubyService[];
  models: RubyModel[];
  /** Model ids of the webhook events' payloads, by event type. */
  webhookEvents: { type: string; modelId?: string; summary?: string }[];
}

export interface RubyClientConfig {
  apiKeyEnv?: string;
  baseUrlEnv?: string;
  webhookSecretEnv?: string;
  defaultBaseUrl: string;
  serverVariables: {
    name: string;
    keyword: string;
    default: string;
    enum?: string[];
    description?: string;
  }[];
  /** The client's credential options, the primary's (`api_key`) first; none when the API takes no credentials. */
  credentials: RubyCredential[];
  /** Alternatives of credential keywords every operation without its own sends (`[]`: none). */
  security: string[][];
  /** Key path of each error field in an error body; absent when the API declares none. */
  errorEnvelope?: Partial<Record<"message" | "type" | "code" | "param" | "requestId", string[]>>;
  /** Lower-case name of the response header carrying the request id. */
  requestIdHeader: string;
  /** Statuses retried below `minServerError`, and the first retried server status. */
  retry: { statuses: number[]; minServerError: number };
  webhookScheme?: { header: string; scheme: string; encoding: string; prefix?: string; tolerance?: number };
}

/** A credential keyword option of the client and how its scheme sends it. */
export interface RubyCredential {
  /** Keyword argument, e.g. `api_key`, `auth_email`. */
  keyword: string;
  /** Security scheme id. */
  scheme: string;
  placement: "bearer" | "basic" | "header" | "query" | "cookie";
  /** Header, query or cookie name. */
  name?: string;
  /** Environment variable read when the option is not passed. */
  env: string;
  /** The scheme the plan made primary (its option is `api_key`). */
  primary: boolean;
}

export interface RubyService {
  /** Class name under `<Module>::Services`, e.g. "Bots" or "BotsVersions". */
  className: string;
  /** Reader on the client (or parent service), e.g. "bots". */
  reader: string;
  /** File under lib/<libDir>/services/. */
  file: string;
  description?: string;
  methods: RubyMethod[];
  children: RubyService[];
  /** The service also carries the webhook helpers (verify, unwrap, generate_test_header). */
  webhookHelpers: boolean;
}

export interface RubyParam {
  /** Keyword argument name. */
  keyword: string;
  /** Name on the wire. */
  wireName: string;
  location: "path" | "query" | "header" | "cookie" | "body";
  required: boolean;
  /** A required param whose type allows one value defaults to it. */
  fixed?: string | number | boolean;
  /** How the value is serialised, when not the location's default (query: form, exploded). */
  style?: { style: string; explode: boolean; allowReserved: boolean; contentType?: string };
  /** A body field holding file bytes (multipart). */
  file?: boolean;
  nullable: boolean;
  type: RubyTypeRef;
  description?: string;
  deprecated: boolean;
}

export interface RubyMethod {
  name: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  httpMethod: string;
  /** Path template with `{wire}` placeholders. */
  path: string;
  params: RubyParam[];
  /** The body's encoding and media type; absent when the method sends no body. */
  body?: { encoding: "json" | "form" | "multipart" | "text" | "binary"; mediaType: string; whole: boolean };
  /** Undeclared body fields are accepted (`**extra`) when the body schema allows additional properties. */
  extraBodyFields: boolean;
  /** Body fields always sent with a fixed value (the streaming flag). */
  fixedBody: Record<string, unknown>;
  returns: RubyReturn;
  scopes: string[];
  /** The operation's alternatives of credential keywords, when not the client's default. */
  security?: string[][];
}

export type RubyReturn =
  | { kind: "model"; type?: RubyTypeRef; description?: string }
  | { kind: "text" | "binary"; description?: string }
  | { kind: "empty" }
  | { kind: "page"; item?: RubyTypeRef; pagination: Record<string, string | number> }
  | {
      kind: "stream";
      event?: RubyTypeRef;
      stream: { discriminator?: string; final?: string; parse: "json" | "text" };
    };

export type RubyModel = RubyObjectModel | RubyEnumModel | RubyUnionModel | RubyAliasModel;

interface ModelBase {
  id: string;
  className: string;
  file: string;
  description?: string;
  deprecated: boolean;
}

export interface RubyObjectModel extends ModelBase {
  kind: "object";
  fields: {
    reader: string;
    wireName: string;
    type: RubyTypeRef;
    required: boolean;
    nullable: boolean;
    description?: string;
    deprecated: boolean;
  }[];
}

export interface RubyEnumModel extends ModelBase {
  kind: "enum";
  values: { constant: string; value: string | number | boolean }[];
}

export interface RubyUnionModel extends ModelBase {
  kind: "union";
  discriminator?: { property: string; mapping: { value: string; id: string }[] };
  variants: RubyTypeRef[];
}

export interface RubyAliasModel extends ModelBase {
  kind: "alias";
  type: RubyTypeRef;
}
