/**
 * The embott-codegen intermediate representation (IR).
 *
 * One IR is built from one OpenAPI 3.0/3.1 document; every language emitter reads only this. The IR is
 * language-neutral: it keeps raw spec names plus neutral word lists (`Name`), and each language's naming
 * refiner turns those into final identifiers. Everything here is plain JSON (no Maps, no cycles): models are
 * referenced by stable string ids, which is also how recursive schemas are represented.
 *
 * Bump `IR_VERSION` on any breaking change to these shapes and note it in generators/core/README.md.
 */
export const IR_VERSION = 1;

/** A spec name kept raw plus split into lower-case words that each language re-cases. */
export interface Name {
  /** The name exactly as written in the spec (or derived, for hoisted models). */
  raw: string;
  /** Lower-case ASCII words, e.g. `["send", "message"]`; never empty. */
  words: string[];
}

/** The whole IR for one spec. */
export interface IR {
  /** Shape version of this IR; consumers must check it. */
  irVersion: typeof IR_VERSION;
  /** Where the IR came from. */
  source: SourceInfo;
  /** `info` of the spec. */
  info: ApiInfo;
  /** SDK packaging meta, from `x-embott-sdk` or derived from `info.title`. */
  sdk: SdkMeta;
  /** Servers in spec order; the first is the default base URL. */
  servers: Server[];
  /** Every security scheme declared in `components.securitySchemes`, in spec order (empty: no auth option). */
  auth: AuthScheme[];
  /**
   * Top-level `security` requirements: alternatives (OR), each an AND of schemes; operations inherit them
   * unless they override. A client uses the first alternative it has every credential for.
   */
  security: SecurityRequirement[];
  /** Resources (API groups) sorted by id, each holding its operations. */
  resources: Resource[];
  /** Every named or hoisted model, sorted by id. */
  models: Model[];
  /** Webhook events from the 3.1 `webhooks` object, sorted by event type. */
  webhooks: WebhookEvent[];
  /** Webhook signature scheme from `x-embott-webhook-signature`; absent when the spec has none. */
  webhookSignature?: WebhookSignature;
}

/** Provenance of the IR. */
export interface SourceInfo {
  /** Spec path as given to the generator (relative paths stay relative, for stable output). */
  file: string;
  /** The document's `openapi` version string, e.g. "3.0.1". */
  openapi: string;
  /** sha256 (hex) of the spec file's bytes; used by provenance files and the drift check. */
  sha256: string;
}

/** `info` object of the spec. */
export interface ApiInfo {
  /** API title. */
  title: string;
  /** API version string. */
  version: string;
  /** `info.summary` (3.1). */
  summary?: string;
  /** `info.description` (CommonMark). */
  description?: string;
}

/** How the SDK packages are named; same fields as `x-embott-sdk`. */
export interface SdkMeta {
  /** Client class name in every language, e.g. "Embott". */
  clientName: string;
  /** npm / PyPI / gem name, e.g. "embott". */
  packageName: string;
  /** Environment variable holding the API key. */
  apiKeyEnv: string;
  /** Environment variable overriding the base URL. */
  baseUrlEnv: string;
  /** `extension` when read from `x-embott-sdk`, `derived` when built from `info.title`. */
  origin: "extension" | "derived";
}

/** One entry of `servers`. */
export interface Server {
  /** URL template, e.g. "https://{region}.api.embott.com/v1". */
  url: string;
  /** Human description. */
  description?: string;
  /** Variables used in `url`, in declaration order. */
  variables: ServerVariable[];
}

/** A `{name}` placeholder of a server URL. */
export interface ServerVariable {
  /** Placeholder name. */
  name: string;
  /** Default value (required by OpenAPI). */
  default: string;
  /** Allowed values, when restricted. */
  enum?: string[];
  /** Human description. */
  description?: string;
}

/** A security scheme. */
export interface AuthScheme {
  /** Key in `components.securitySchemes`. */
  id: string;
  /** bearer / basic are `type: http`; apiKey may sit in header, query or cookie. */
  kind: "bearer" | "basic" | "apiKey" | "oauth2" | "openIdConnect" | "mutualTLS" | "other";
  /** apiKey only: where the key goes. */
  in?: "header" | "query" | "cookie";
  /** apiKey only: header / query / cookie name. */
  parameterName?: string;
  /** bearer only: `bearerFormat` hint. */
  bearerFormat?: string;
  /** Human description. */
  description?: string;
  /** Referenced by the root `security` or by some operation's: only used schemes become client options. */
  used: boolean;
}

/** One security alternative: every listed scheme must be satisfied (AND); an empty list means anonymous. */
export interface SecurityRequirement {
  /** Schemes of this alternative with their required scopes (roles). */
  schemes: { id: string; scopes: string[] }[];
}

/** A group of operations, exposed as `client.<resource>.<method>()`. */
export interface Resource {
  /** Dotted id, e.g. "bots.versions"; unique. */
  id: string;
  /** One `Name` per dotted segment, outermost first. */
  path: Name[];
  /** `extension` (x-embott-resource), `tag` (first tag) or `path` (first static path segment). */
  origin: "extension" | "tag" | "path";
  /** Tag description, when the resource comes from a tag that has one. */
  description?: string;
  /** Operations sorted by method name. */
  operations: Operation[];
}

/** HTTP methods OpenAPI allows on a path item. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** One SDK method. A streaming twin is its own Operation with `streaming` set. */
export interface Operation {
  /** `<resource id>.<method raw>`, unique in the IR. */
  id: string;
  /** Spec `operationId`, when present. */
  operationId?: string;
  /** SDK method name (x-embott-method, operationId minus resource, or HTTP method + path); unique per resource. */
  name: Name;
  /** HTTP method. */
  httpMethod: HttpMethod;
  /** Path template as in the spec, e.g. "/bots/{bot_id}". */
  path: string;
  /** Path, query, header and cookie parameters (path-item level merged in), in spec order. */
  parameters: Parameter[];
  /** Request body, when the operation takes one. */
  body?: RequestBody;
  /** The success response the SDK method returns. */
  response: SuccessResponse;
  /** Documented error responses (4xx, 5xx, `default`), sorted by status. */
  errors: ErrorResponse[];
  /** Pagination, from `x-embott-pagination` or recognised from parameter/response shapes. */
  pagination?: Pagination;
  /** Set on the streaming method (a stream twin or a stream-only operation). */
  streaming?: Streaming;
  /** On a plain method whose spec operation also streams: the id of its streaming twin. */
  streamTwin?: string;
  /** Effective security (operation-level or inherited): alternatives of AND-combined schemes; `[]` = no auth. */
  security: SecurityRequirement[];
  /** `operation` when the operation declares its own `security` (`security: []` included), else `root`. */
  securityOrigin: "operation" | "root";
  /** Union of scopes across `security`, sorted. */
  scopes: string[];
  /** `deprecated: true` in the spec. */
  deprecated: boolean;
  /** Docs text. */
  docs: Docs;
  /** Safe to retry: idempotent HTTP method or accepts an Idempotency-Key header. */
  idempotent: boolean;
  /** Name of the Idempotency-Key header parameter, when the operation accepts one. */
  idempotencyHeader?: string;
  /** Spec tags, in order. */
  tags: string[];
}

/** Summary/description/external docs of an operation or event. */
export interface Docs {
  /** One-line summary. */
  summary?: string;
  /** CommonMark description. */
  description?: string;
  /** `externalDocs.url`. */
  externalUrl?: string;
}

/** A non-body parameter. */
export interface Parameter {
  /** Raw wire name, e.g. "per_page" or "X-Request-Id". */
  name: string;
  /** Neutral words for the SDK argument name. */
  words: string[];
  /** Where it is sent. */
  in: "path" | "query" | "header" | "cookie";
  /** Must be supplied (always true for path). */
  required: boolean;
  /** Value type. */
  type: TypeRef;
  /** Serialisation style (defaults resolved: form for query/cookie, simple for path/header). */
  style: string;
  /** Explode flag (defaults resolved). */
  explode: boolean;
  /** `allowReserved: true` (query): RFC 3986 reserved characters are sent unencoded. */
  allowReserved?: true;
  /** The schema's `default`, when given. */
  default?: unknown;
  /** `deprecated: true`. */
  deprecated: boolean;
  /** Human description. */
  description?: string;
}

/** A form/multipart body field's entry of the media type's `encoding` object. */
export interface FieldEncoding {
  /** `form` (default) or `deepObject`… */
  style?: string;
  /** Explode flag, when given. */
  explode?: boolean;
  /** `allowReserved: true`. */
  allowReserved?: true;
  /** Content type of a multipart part, e.g. "image/png". */
  contentType?: string;
}

/** Body encodings the SDK runtimes know. */
export type BodyEncoding = "json" | "form" | "multipart" | "binary" | "text";

/** A request body. */
export interface RequestBody {
  /** Encoding of the chosen media type. */
  encoding: BodyEncoding;
  /** Chosen media type (JSON first, then form, multipart, others). */
  mediaType: string;
  /** All media types the spec offers, in spec order. */
  mediaTypes: string[];
  /** Body type (usually a ref to an object model). */
  type: TypeRef;
  /** `required: true` on the request body. */
  required: boolean;
  /** form/multipart: the chosen media type's `encoding` object by field name (absent when it has none). */
  fieldEncodings?: Record<string, FieldEncoding>;
  /** Human description. */
  description?: string;
}

/** What a successful call yields. */
export interface SuccessResponse {
  /** Status code, e.g. "200", "2XX", or "default" when only a default exists. */
  status: string;
  /** json: parsed body; binary: raw bytes; text: string; event-stream: SSE; empty: no body. */
  kind: "json" | "binary" | "text" | "event-stream" | "empty";
  /** Media type, unless empty. */
  mediaType?: string;
  /** Body type for json / event-stream (each event), unless the schema is absent. */
  type?: TypeRef;
  /** Response headers documented on the success response (lower-case names), sorted. */
  headers: string[];
  /** Human description of the response. */
  description?: string;
}

/** A documented error response. */
export interface ErrorResponse {
  /** "400".."599", "4XX", "5XX" or "default". */
  status: string;
  /** JSON media type (application/json, application/problem+json, …). */
  mediaType: string;
  /** Error body type. */
  type: TypeRef;
  /** Human description of the response. */
  description?: string;
}

/** Pagination; same fields as `x-embott-pagination`, plus where it came from. */
export interface Pagination {
  /** Paging style. */
  style: "cursor" | "offset" | "page" | "link";
  /** `extension` or `inferred` from parameter / response shapes. */
  origin: "extension" | "inferred";
  /** inferred only: the evidence, for `inspect` (e.g. `cursor: query "after", next cursor "last_id", …`). */
  recognisedBy?: string;
  /** Response field (dotted path) holding the page's items; absent for a bare-array response. */
  items?: string;
  /** cursor: query parameter carrying the cursor. */
  cursorParam?: string;
  /** cursor: response field with the next cursor (absent when `itemCursor` is used). */
  nextCursor?: string;
  /** cursor: field of the page's last item whose value is the next cursor (Stripe: `starting_after` = last `id`). */
  itemCursor?: string;
  /** cursor: optional boolean "more pages" field. */
  hasMore?: string;
  /** offset: query parameter with the offset. */
  offsetParam?: string;
  /** offset: optional response field with the total count. */
  total?: string;
  /** page: query parameter with the page number. */
  pageParam?: string;
  /** page: optional response field with the page count. */
  totalPages?: string;
  /** page: number of the first page (the page parameter's `default`, else its `minimum`, else 1). */
  startPage?: number;
  /** link: response field (dotted path) with the next page's URL; absent = follow the `Link` header. */
  nextUrl?: string;
  /** Page-size query parameter. */
  limitParam?: string;
}

/** Server-sent-events streaming; same fields as `x-embott-streaming`. */
export interface Streaming {
  /** Body field the stream method sets to request the stream (absent for stream-only operations). */
  flag?: string;
  /**
   * Value the stream method sends in `flag`: `true` for a boolean flag (the plain method then sends `false`),
   * or a documented enum value such as "sse" (the plain method then sends nothing). Absent = `true`.
   */
  flagValue?: string | boolean;
  /** Found by content negotiation (a 200 offering `text/event-stream` beside another type), not the extension. */
  negotiated?: true;
  /** Type of each SSE `data:` payload. */
  events?: TypeRef;
  /** Field of each event naming its kind. */
  discriminator?: string;
  /** Event that ends the stream and carries the whole result. */
  final?: string;
  /** For a twin: the id of the plain (non-streaming) operation. */
  twinOf?: string;
}

/** A webhook event from the 3.1 `webhooks` object. */
export interface WebhookEvent {
  /** The `webhooks` key, i.e. the event type, e.g. "message.created". */
  type: string;
  /** Neutral name for types/handlers. */
  name: Name;
  /** Method of the webhook request (usually post). */
  httpMethod: HttpMethod;
  /** Typed payload (JSON request body), when documented. */
  payload?: TypeRef;
  /** Docs text. */
  docs: Docs;
  /** `deprecated: true`. */
  deprecated: boolean;
}

/** Same fields as `x-embott-webhook-signature`. */
export interface WebhookSignature {
  /** Header carrying the signature. */
  header: string;
  /** timestamped: "t=…,v1=…" over "{t}.{body}"; plain: "<prefix><sig>" over the body. */
  scheme: "timestamped" | "plain";
  /** HMAC algorithm, e.g. "hmac-sha256". */
  algorithm: string;
  /** Signature encoding. */
  encoding: "hex" | "base64";
  /** plain scheme: prefix before the signature. */
  prefix?: string;
  /** timestamped scheme: allowed clock skew in seconds. */
  tolerance?: number;
}

/** Scalar types. `format` keeps the spec format (date-time, int64, binary, uuid…). */
export type PrimitiveType = "string" | "integer" | "number" | "boolean";

/** A reference to a type: scalars, arrays and maps are inline; objects, enums and unions are model refs. */
export type TypeRef = (
  | { kind: "primitive"; type: PrimitiveType; format?: string }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "array"; items: TypeRef }
  | { kind: "map"; values: TypeRef }
  | { kind: "ref"; id: string }
  | { kind: "null" }
  | { kind: "unknown" }
) & {
  /** The value may also be null (3.0 `nullable`, 3.1 `type: [x, "null"]`, or a null branch of a union). */
  nullable?: true;
};

/** Fields shared by every model. */
export interface ModelBase {
  /** Stable id: component name ("Bot") or JSON pointer of a hoisted inline schema ("#/paths/…/schema"). */
  id: string;
  /** Type name (component name, or derived for hoisted schemas, e.g. CreateBotRequest). */
  name: Name;
  /** `component` for components.schemas, `inline` for hoisted schemas. */
  origin: "component" | "inline";
  /** Human description. */
  description?: string;
  /** `deprecated: true`. */
  deprecated: boolean;
}

/** An object with named properties. */
export interface ObjectModel extends ModelBase {
  kind: "object";
  /** Properties in spec order (allOf members flattened in). */
  properties: Property[];
  /** Type of extra keys; absent = not declared; `false` = forbidden. */
  additionalProperties?: TypeRef | false;
  /** Model ids merged in through allOf refs. */
  extends: string[];
}

/** One property of an object model. */
export interface Property {
  /** Raw JSON key. */
  name: string;
  /** Neutral words for the field name. */
  words: string[];
  /** Value type. */
  type: TypeRef;
  /** Listed in `required`. */
  required: boolean;
  /** `readOnly: true` (response only). */
  readOnly: boolean;
  /** `writeOnly: true` (request only). */
  writeOnly: boolean;
  /** `deprecated: true`. */
  deprecated: boolean;
  /** Human description. */
  description?: string;
  /** `default` value, when given. */
  default?: unknown;
}

/** A closed set of scalar values. */
export interface EnumModel extends ModelBase {
  kind: "enum";
  /** Scalar type of the values. */
  valueType: PrimitiveType;
  /** Values in spec order; `name` is the neutral member name. */
  values: { value: string | number | boolean; name: Name }[];
  /** The enum also allows null. */
  nullable: boolean;
}

/** oneOf / anyOf. */
export interface UnionModel extends ModelBase {
  kind: "union";
  /** oneOf = exactly one branch; anyOf = at least one. */
  combinator: "oneOf" | "anyOf";
  /** Branches in spec order (a null branch is folded into `nullable`). */
  variants: TypeRef[];
  /** Discriminator, when declared or recognised (each branch has a distinct `const` on one property). */
  discriminator?: Discriminator;
  /** One branch was `null`. */
  nullable: boolean;
}

/** How to tell union branches apart. */
export interface Discriminator {
  /** Property whose value selects the branch. */
  property: string;
  /** value → model id, sorted by value. */
  mapping: { value: string; id: string }[];
  /** `spec` when declared, `const` when recognised from branch constants. */
  origin: "spec" | "const";
}

/** A named schema that is not an object, enum or union (e.g. `type: string`, an array, a map). */
export interface AliasModel extends ModelBase {
  kind: "alias";
  /** The aliased type. */
  type: TypeRef;
}

/** Any model. */
export type Model = ObjectModel | EnumModel | UnionModel | AliasModel;
