/**
 * What the PHP printers need, in PHP's terms: class names, property names, PHP and phpDoc types. Built from the
 * SDK plan by `from-plan.ts`; the printers never look at the plan or the spec themselves.
 */

/** The whole package. */
export interface PhpSdk {
  /** Root namespace, e.g. "Embott". */
  namespace: string;
  /** Client class name (in the root namespace), e.g. "Client". */
  clientClass: string;
  /** Lower-case product name for the User-Agent and telemetry headers, e.g. "embott". */
  sdkName: string;
  sdkVersion: string;
  apiTitle: string;
  apiVersion: string;
  defaultBaseUrl: string;
  serverVariables: PhpServerVariable[];
  /** "bearer", "basic", "header:<Name>", "query:<name>" or "none" (the runtime's SdkConfig::$auth). */
  auth: string;
  apiKeyEnv: string | undefined;
  /** Credential options besides `api_key` (e.g. `auth_email` for an `X-Auth-Email` header). */
  credentials: PhpCredential[];
  /** The API's security alternatives as option names, when not just `api_key` (or nothing, without a key). */
  security: string[][] | undefined;
  /** Key paths of the error body's fields; undefined when error bodies declare none. */
  errorEnvelope: PhpErrorEnvelope | undefined;
  /** Response header carrying the request id (lower-case). */
  requestIdHeader: string;
  /** Statuses below `minServerErrorStatus` that are retried, and the first server-error status retried. */
  retry: { statuses: number[]; minServerErrorStatus: number };
  baseUrlEnv: string | undefined;
  webhookSecretEnv: string | undefined;
  webhookScheme: PhpWebhookScheme | undefined;
  /** Top-level services, each possibly with nested ones. */
  services: PhpService[];
  models: PhpModel[];
  /** The union of every webhook event payload, when the spec declares events. */
  events: PhpEvents | undefined;
}

/** A credential option: its snake_case key, where the runtime sends it, the environment variable it defaults to. */
export interface PhpCredential {
  /** Security scheme id in the spec. */
  scheme: string;
  option: string;
  /** The runtime's placement: `bearer`, `basic`, `header:<Name>`, `query:<name>` or `cookie:<name>`. */
  placement: string;
  env: string;
  description: string | undefined;
}

export interface PhpErrorEnvelope {
  message?: string[];
  code?: string[];
  type?: string[];
  param?: string[];
  requestId?: string[];
}

export interface PhpServerVariable {
  /** Option key (wire name as written, e.g. "region"). */
  option: string;
  default: string;
  enum: string[];
  description: string | undefined;
}

export interface PhpWebhookScheme {
  header: string;
  scheme: "timestamped" | "plain";
  encoding: "hex" | "base64";
  prefix: string;
  tolerance: number;
}

/** One resource: `$client-><property>`, class `<Namespace>\Service\<className>`. */
export interface PhpService {
  property: string;
  className: string;
  description: string | undefined;
  methods: PhpMethod[];
  children: PhpService[];
  /** This service also carries the webhook helpers (verify/unwrap/generateTestHeader). */
  webhookHelpers: boolean;
}

export interface PhpMethod {
  name: string;
  /** "resource.method" as the user sees it, for error messages. */
  label: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  httpMethod: string;
  path: string;
  params: PhpParam[];
  /** The body accepts undeclared fields (they are sent). */
  openBody: boolean;
  /** The body is not an object: this param carries the whole body. */
  wholeBody: string | undefined;
  /** Body fields always sent (e.g. `stream: true` of a streaming twin). */
  fixedBody: Record<string, unknown>;
  /** json, form, multipart, text or binary. */
  encoding: string;
  /** The body's Content-Type as the spec declares it. */
  mediaType: string;
  /** Serialisation of params that depart from their location's default, by wire name. */
  styles: Record<string, PhpStyle>;
  /** Multipart fields that are files. */
  files: string[];
  /** Params declared `format: date` (a DateTimeInterface is sent as YYYY-MM-DD). */
  dates: string[];
  returns: PhpReturn;
  scopes: string[];
  /** Credential alternatives (option names) when they differ from the API's; `[]` sends none. */
  security: string[][] | undefined;
}

export interface PhpParam {
  /** Wire name: the key of the params array. */
  wire: string;
  in: "path" | "query" | "header" | "cookie" | "body";
  required: boolean;
  type: PhpType;
  /** phpDoc type of the value the user passes (objects are arrays, enums literal unions). */
  doc: string;
  description: string | undefined;
  deprecated: boolean;
}

export interface PhpStyle {
  style: string;
  explode: boolean;
  allowReserved: boolean;
  contentType: string | undefined;
}

export type PhpReturn =
  | { kind: "model"; type: PhpType }
  | { kind: "page"; item: PhpType; pagination: Record<string, string | number> }
  | {
      kind: "stream";
      event: PhpType;
      discriminator: string;
      final: string | undefined;
      parse: "json" | "text";
    }
  | { kind: "raw" }
  | { kind: "void" };

/**
 * A type as PHP sees it. `native` is the declared type (no leading `?`), `doc` the phpDoc type, `read` how
 * Fields reads it: a method name plus its extra argument (a class for model/list/map, an item kind).
 */
export interface PhpType {
  native: string;
  doc: string;
  read: {
    method: "string" | "int" | "float" | "bool" | "array" | "mixed" | "model" | "list" | "map";
    arg?: string;
  };
  /** The enum class listing the known values, when the type is an enum (a plain scalar). */
  enumClass?: string;
  /** Classes this type mentions (for `use` lines), relative to the root namespace (`Model\\Bot`). */
  uses: string[];
  nullable: boolean;
}

export type PhpModel = PhpObjectModel | PhpEnumModel | PhpUnionModel;

export interface PhpObjectModel {
  kind: "object";
  className: string;
  description: string | undefined;
  deprecated: boolean;
  properties: PhpProperty[];
}

export interface PhpProperty {
  wire: string;
  name: string;
  type: PhpType;
  /** Absent or null reads as null (optional or nullable in the spec). */
  nullable: boolean;
  description: string | undefined;
  deprecated: boolean;
}

export interface PhpEnumModel {
  kind: "enum";
  className: string;
  description: string | undefined;
  valueType: "string" | "int" | "float" | "bool";
  cases: { constant: string; value: string | number | boolean }[];
}

export interface PhpUnionModel {
  kind: "union";
  className: string;
  description: string | undefined;
  /** Discriminator property and value → class; without one, variants are tried in order. */
  discriminator: { property: string; mapping: { value: string; className: string }[] } | undefined;
  variants: string[];
}

export interface PhpEvents {
  /** Factory class of the union of all events (a union model of this package). */
  className: string;
}
