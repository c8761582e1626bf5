/**
 * The SDK plan: every language-neutral decision about the SDK a user calls, made once from the IR.
 *
 * The IR describes the spec; the plan describes the SDK: which resources and methods exist, what each method's
 * flat params are called and where each goes on the wire, how the request is serialised, what the method
 * returns, how it pages or streams, which errors it documents, how the client authenticates and retries, and
 * every model with its fields. Emitters (`generators/<lang>`) read only this plan: each is a naming refiner
 * (casing + reserved words over the `words` here), a type printer (over `TypeRef`) and a renderer.
 *
 * Plain JSON like the IR: no Maps, no cycles, no language strings. Every identifier is a neutral word list
 * (`Words`, lower-case ASCII) that is already unique in its namespace under core's one collision policy
 * (`plan/names.ts`), so a refiner only cases it and escapes reserved words. Bump `PLAN_VERSION` on any
 * breaking change and note it in generators/core/README.md; optional fields may be added without a bump.
 */

import type { PaginationField } from "../ir/pagination/fields";
import type {
  AuthScheme,
  Docs,
  HttpMethod,
  Pagination,
  PrimitiveType,
  SecurityRequirement,
  SuccessResponse,
  TypeRef,
  WebhookSignature,
} from "../ir/types";

export const PLAN_VERSION = 1;

/** Lower-case ASCII words of an identifier, e.g. `["send", "message"]`; never empty. */
export type Words = string[];

/** The whole plan for one spec. */
export interface SdkPlan {
  /** Shape version of this plan; emitters must check it. */
  planVersion: typeof PLAN_VERSION;
  /** Version of the IR the plan was built from. */
  irVersion: number;
  /** Spec file (as given), its `openapi` version and sha256: for headers and provenance files. */
  source: { file: string; openapi: string; sha256: string };
  /** `info` of the spec. */
  info: { title: string; version: string; summary?: string; description?: string };
  /** Packaging: the package name every registry uses (`embott`) and where its names came from. */
  sdk: { packageName: string; origin: "extension" | "derived" };
  /** The client class and its configuration. */
  client: ClientPlan;
  /** Top-level resources (`client.<resource>`), sorted by id; sub-resources nest in `children`. */
  resources: ResourcePlan[];
  /** Every model (named or hoisted schema), sorted by id. */
  models: ModelPlan[];
  /** Webhook events and signature verification; absent when the spec has neither. */
  webhooks?: WebhooksPlan;
  /** Lookups, so printers never scan lists. */
  index: PlanIndex;
}

/** Positions of plan entries by id (see `plan/lookup.ts` for typed accessors). */
export interface PlanIndex {
  /** Model id → position in `SdkPlan.models`. */
  models: Record<string, number>;
  /** Method id → the id of the resource holding it. */
  methods: Record<string, string>;
  /** Resource id → positions from `SdkPlan.resources` down through `children` (e.g. `[0, 2]`). */
  resources: Record<string, number[]>;
}

// ─── client ────────────────────────────────────────────────────────────────────────────────────────────

/** The client class: its name, auth, environment, servers, retry inputs and the error envelope. */
export interface ClientPlan {
  /** Client class name, e.g. `["embott"]`; unique among models, resources and params types. */
  name: Words;
  /** Docs for the client class (title, version, summary). */
  docs: string;
  auth: AuthPlan;
  /** Environment variable names the client reads. */
  env: EnvPlan;
  /** `servers[0]` with its variables at their defaults (trailing `/` dropped); `http://localhost` if none. */
  defaultBaseUrl: string;
  /** Servers in spec order; the first is the default. Variables become typed client options. */
  servers: ServerPlan[];
  /** Response header names the runtime reads (lower-case). */
  headers: HeaderNamesPlan;
  retry: RetryPlan;
  /** Where the fields of the API's error body sit; absent when no error response declares a JSON schema. */
  errorEnvelope?: ErrorEnvelopePlan;
}

/** How credentials are sent. */
export interface AuthPlan {
  /** Every declared security scheme, in spec order. */
  schemes: AuthSchemePlan[];
  /**
   * Top-level security alternatives (each: every listed scheme id at once); `[]` when the root has none. A spec
   * that declares a sendable scheme but names none anywhere gets `[{ primary }]` (here and on every method).
   */
  requirements: SecurityRequirement[];
  /**
   * The scheme the client's `apiKey` option feeds: the first that is a whole alternative on its own (root
   * requirements first, then the operations'), else the first scheme of the first requirement, else the first
   * declared; absent when the API declares no scheme the SDK can send.
   */
  primary?: string;
  /**
   * The client options holding secrets, one per sendable scheme some requirement uses (or `primary` alone when no
   * requirement names one). The `primary` scheme's comes first and is named `["api", "key"]` (the runtime's
   * `apiKey` option); `[]` when the API takes no credentials, so the client has no `apiKey` option at all.
   * Read alternatives through `credentialAlternatives`.
   */
  credentials: CredentialPlan[];
  /**
   * The alternatives the client checks when it is built and applies to every method whose `security` is the same:
   * the root requirements, else the one list every method shares (scopes aside; Embott names its bearer scheme
   * per operation, for the scopes) when none of its alternatives is empty, else `[]` (each method says its own).
   * Emitters read it through `credentialAlternatives` and give a method its own list only when it differs.
   */
  defaultSecurity: SecurityRequirement[];
}

/** A client option holding one scheme's secret (basic: `user:password` in one value). */
export interface CredentialPlan {
  /** Scheme id (key in `components.securitySchemes`). */
  scheme: string;
  /**
   * Option words, unique among the client's options: `["api", "key"]` for `primary`, else the words of its header
   * or query name without `X-` (`X-Auth-Key` → `["auth", "key"]`), else of the scheme id.
   */
  name: Words;
  /** Environment variable read when the option is not passed (`EMBOTT_API_KEY`, `<PREFIX>_AUTH_KEY`). */
  env: string;
}

/** One security scheme and where it places its credential. */
export interface AuthSchemePlan {
  /** Key in `components.securitySchemes`. */
  id: string;
  /** Neutral option words (e.g. `["api", "key"]`). */
  name: Words;
  kind: AuthScheme["kind"];
  /**
   * Where the credential goes: `bearer` (`Authorization: Bearer …`, also oauth2/openIdConnect tokens), `basic`
   * (`Authorization: Basic base64(user:password)`), `header`/`query`/`cookie` under `parameterName`, or `none`
   * when the SDK cannot send it (mutualTLS…).
   */
  placement: "bearer" | "basic" | "header" | "query" | "cookie" | "none";
  /** header/query/cookie: the name the key is sent under. */
  parameterName?: string;
  description?: string;
}

/** Environment variables the generated client reads. */
export interface EnvPlan {
  /** Prefix of every variable, e.g. `EMBOTT`. */
  prefix: string;
  /** API key, e.g. `EMBOTT_API_KEY`. */
  apiKey: string;
  /** Base URL override, e.g. `EMBOTT_BASE_URL`. */
  baseUrl: string;
  /** Log level, e.g. `EMBOTT_LOG`. */
  log: string;
  /** Webhook signing secret, e.g. `EMBOTT_WEBHOOK_SECRET`; only when the spec signs webhooks. */
  webhookSecret?: string;
}

/** One server of the spec. */
export interface ServerPlan {
  /** URL template, e.g. `https://{region}.api.embott.com/v1` (trailing `/` dropped). */
  url: string;
  description?: string;
  /** Its `{placeholders}`, each a typed client option. */
  variables: ServerVariablePlan[];
}

/** A server URL variable, exposed as a client option (a region, an environment). */
export interface ServerVariablePlan {
  /** Placeholder name in `url`. */
  placeholder: string;
  /** Option words, unique among the client's own options. */
  name: Words;
  default: string;
  /** Allowed values, when the spec restricts them (print a literal union / enum). */
  enum?: string[];
  description?: string;
}

/** Response header names (lower-case) the runtime reads. */
export interface HeaderNamesPlan {
  /** The request id header, e.g. `x-request-id`. */
  requestId: string;
  /** Rate-limit headers. */
  rateLimit: { limit: string; remaining: string; reset: string };
  /** Retry hints in the order they win: `retry-after-ms` (milliseconds), then `retry-after` (seconds or HTTP-date). */
  retryAfter: string[];
  /** Server override of the retry decision (`true`/`false`). */
  shouldRetry: string;
  /** Header carrying the idempotency key the SDK sends on every non-GET request. */
  idempotencyKey: string;
}

/** Inputs of the retry policy every runtime implements. */
export interface RetryPlan {
  /** Default retries after the first attempt. */
  maxRetries: number;
  /** Statuses below 500 retried by default (408, 429). 409 is a deterministic conflict and is NOT retried. */
  statuses: number[];
  /** Every status at or above this is retried too (500). */
  minServerErrorStatus: number;
  /** HTTP methods that never carry an automatic idempotency key. */
  safeMethods: HttpMethod[];
}

/**
 * Where the fields of an error body are, as key paths from the body's root (`["error", "message"]`). Runtimes
 * read messages through these instead of hard-coding one API's envelope. Missing fields are absent.
 */
export interface ErrorEnvelopePlan {
  /** The model of the error body most operations document. */
  model: string;
  type?: string[];
  code?: string[];
  message?: string[];
  param?: string[];
  requestId?: string[];
}

// ─── resources and methods ───────────────────────────────────────────────────────────────────────────────

/** One `client.<a>.<b>` level. */
export interface ResourcePlan {
  /** Dotted id, e.g. `bots.versions`. */
  id: string;
  /** Accessor words of this level (the last dotted segment), e.g. `["help", "center"]`. */
  property: Words;
  /** Class name words (every segment), unique among models, resources, params types and the client. */
  className: Words;
  /** File/module words per segment, outermost first (`[["bots"], ["versions"]]`). */
  path: Words[];
  description?: string;
  /** Methods sorted by name. Empty for an intermediate level. */
  methods: MethodPlan[];
  children: ResourcePlan[];
  /** This resource also verifies webhook signatures (`client.webhooks.verify/unwrap`). */
  verifiesWebhooks: boolean;
}

/** One SDK method. */
export interface MethodPlan {
  /** IR operation id (`<resource id>.<method raw>`), unique. */
  id: string;
  /** Spec `operationId`, when present. */
  operationId?: string;
  /** Method name words, unique in the resource. */
  name: Words;
  /** plain: returns the response; page: an auto-paginating list; stream: server-sent events. */
  kind: "plain" | "page" | "stream";
  /** On a plain method whose operation also streams: the id of its stream twin. */
  streamTwin?: string;
  /** On a stream twin: the id of the plain method. */
  twinOf?: string;
  docs: Docs;
  deprecated: boolean;
  /** Scopes any security alternative needs, sorted. */
  scopes: string[];
  /** Effective security alternatives (`[]` = no credentials sent). */
  security: SecurityRequirement[];
  /** Safe to retry (idempotent HTTP method or accepts an idempotency key). */
  idempotent: boolean;
  /** Name words of the params object type (e.g. `["bot", "create", "params"]`); absent when no params. */
  paramsType?: Words;
  /** A stream twin whose params equal its plain method's: the plain method's id (declare `paramsType` as an alias of that method's). */
  paramsSameAs?: string;
  /** Flat params in order: path, query, header, cookie, then body. */
  params: ParamPlan[];
  request: RequestPlan;
  response: ResponsePlan;
  /** kind `page`: the pager. */
  pagination?: PaginationPlan;
  /** kind `stream`: the event stream. */
  stream?: StreamPlan;
  /** Documented error responses, sorted by status. */
  errors: ErrorPlan[];
}

/** Where a flat param is sent. */
export type ParamLocation = "path" | "query" | "header" | "cookie" | "body";

/** One key of a method's flat params. */
export interface ParamPlan {
  /** Param words, unique in the method (a clash across locations is prefixed with the location). */
  name: Words;
  /** Name on the wire: placeholder, query/header/cookie name, or body field; `body` for a whole body. */
  wireName: string;
  location: ParamLocation;
  /** `body` only: this param IS the whole body (not one of its fields). */
  wholeBody?: boolean;
  required: boolean;
  /** Default the server applies (documentation only: SDKs never send it themselves). */
  default?: unknown;
  docs?: string;
  deprecated: boolean;
  type: TypeRef;
  /** How the value is written on the wire (path/query/header/cookie always; form/multipart body fields). */
  serialization?: Serialization;
}

/**
 * OpenAPI serialisation of one value. Query: `form` (explode: `a=1&a=2`, else `a=1,2`), `spaceDelimited`
 * (`a=1%202`), `pipeDelimited` (`a=1|2`), `deepObject` (`a[k]=v`). Path/header: `simple` (`1,2`), path
 * `label`/`matrix`. Form body fields: `form` (scalar arrays repeat the key or join with `,`), `deepObject`
 * (arrays `a[]=x`, arrays of objects `a[0][k]=v`, maps `a[k]=v`).
 */
export interface Serialization {
  style: "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  explode: boolean;
  /** Query only: RFC 3986 reserved characters (`:/?#[]@!$&'()*+,;=`) are sent unencoded. */
  allowReserved: boolean;
  /** Multipart only: the part's content type when the spec's `encoding` declares one. */
  contentType?: string;
}

/** How the SDK builds the HTTP request from the flat params. */
export interface RequestPlan {
  method: HttpMethod;
  /** Path template relative to the base URL, e.g. `/bots/{bot_id}`; each placeholder is a `path` param. */
  path: string;
  body?: RequestBodyPlan;
  /** Wire values the SDK fills itself (never params). */
  filled: FilledFields;
}

/** The request body. */
export interface RequestBodyPlan {
  /** The media type sent as `Content-Type`, exactly as the spec writes it (`application/merge-patch+json`). */
  mediaType: string;
  /**
   * json: `JSON.stringify`-style UTF-8; form: `application/x-www-form-urlencoded` per field `serialization`;
   * multipart: `multipart/form-data` (files as parts with a filename); text: the string as UTF-8; binary:
   * the bytes as given.
   */
  encoding: "json" | "form" | "multipart" | "text" | "binary";
  /** `fields`: the body object's properties are flat params (`location: "body"`); `whole`: one `body` param. */
  mode: "fields" | "whole";
  required: boolean;
  /** The body's type (a model ref for `fields`). */
  type: TypeRef;
  /**
   * `fields` mode: the body object allows keys beyond its properties (declared `additionalProperties`), so
   * unknown param keys are sent in the body with this value type instead of being rejected.
   */
  extraFields?: TypeRef;
}

/** Values the SDK writes itself. */
export interface FilledFields {
  /** Header carrying the automatic idempotency key, when the operation declares one as a parameter. */
  idempotencyHeader?: string;
  /** Body field that selects streaming, with the value this method sends (false: plain, true: twin). */
  streamFlag?: { field: string; value: boolean | string };
}

/** What the method returns. */
export interface ResponsePlan {
  /** Chosen success status (`200`, `2XX`, `default`). */
  status: string;
  /** json: the parsed body; binary: bytes; text: a string; event-stream: see `MethodPlan.stream`; empty: nothing. */
  kind: SuccessResponse["kind"];
  mediaType?: string;
  /** json: the body type (a model ref when the spec names or hoists the schema); absent = untyped JSON. */
  type?: TypeRef;
  /** Documented success response headers (lower-case), sorted. */
  headers: string[];
  description?: string;
}

/** An auto-paginating list. */
export interface PaginationPlan {
  /** The runtime pager's descriptor: `PAGINATION_FIELDS` present on this operation, in that order. */
  descriptor: Partial<Pick<Pagination, PaginationField>>;
  /** `extension` (x-embott-pagination) or `inferred`. */
  origin: Pagination["origin"];
  /** Type of one page item (a model ref where the items array holds one); `unknown` when not known. */
  item: TypeRef;
}

/** A server-sent events stream. */
export interface StreamPlan {
  /** `json`: each `data:` is parsed JSON of `event`; `text`: each `data:` is a string. */
  parse: "json" | "text";
  /** Type of each event. */
  event: TypeRef;
  /** Field of each event naming its kind (e.g. `type`). */
  discriminator?: string;
  /** Discriminator value of the event that ends the stream and carries the result. */
  final?: string;
  /** Type of the final event's payload (the completed message) when the event union has a branch for it. */
  finalEvent?: TypeRef;
}

/** A documented error response. */
export interface ErrorPlan {
  /** "400".."599", "4XX", "5XX" or "default". */
  status: string;
  mediaType: string;
  type: TypeRef;
  description?: string;
}

// ─── models ─────────────────────────────────────────────────────────────────────────────────────────────

/** Fields shared by every model. */
export interface ModelPlanBase {
  /** Stable id (component name, or JSON pointer of a hoisted inline schema). */
  id: string;
  /** Type name words, unique among models, resources, params types and the client. */
  name: Words;
  /** `component` (components.schemas) or `inline` (hoisted). */
  origin: "component" | "inline";
  docs?: string;
  deprecated: boolean;
}

/** An object with named fields. */
export interface ObjectModelPlan extends ModelPlanBase {
  kind: "object";
  /** Fields in spec order (allOf members flattened in). */
  fields: FieldPlan[];
  /** Type of extra keys; absent = not declared; `false` = forbidden. */
  additionalProperties?: TypeRef | false;
  /** Model ids merged in through allOf refs. */
  extends: string[];
}

/** One field of an object model. */
export interface FieldPlan {
  /** Field words, unique in the model. */
  name: Words;
  /** JSON key. */
  wireName: string;
  type: TypeRef;
  required: boolean;
  /** The value may be null (same as `type.nullable`). */
  nullable: boolean;
  /** Response only. */
  readOnly: boolean;
  /** Request only. */
  writeOnly: boolean;
  deprecated: boolean;
  docs?: string;
  default?: unknown;
}

/** A closed set of scalar values. */
export interface EnumModelPlan extends ModelPlanBase {
  kind: "enum";
  valueType: PrimitiveType;
  /** Values in spec order, each with member words unique in the enum. */
  values: { value: string | number | boolean; name: Words }[];
  nullable: boolean;
}

/** oneOf / anyOf. */
export interface UnionModelPlan extends ModelPlanBase {
  kind: "union";
  combinator: "oneOf" | "anyOf";
  variants: TypeRef[];
  /** Property whose value selects the branch, and value → model id. */
  discriminator?: { property: string; mapping: { value: string; id: string }[] };
  nullable: boolean;
}

/** A named scalar, array or map. */
export interface AliasModelPlan extends ModelPlanBase {
  kind: "alias";
  type: TypeRef;
}

export type ModelPlan = ObjectModelPlan | EnumModelPlan | UnionModelPlan | AliasModelPlan;

// ─── webhooks ───────────────────────────────────────────────────────────────────────────────────────────

/** Webhooks the API delivers. */
export interface WebhooksPlan {
  /** Events sorted by type. */
  events: WebhookEventPlan[];
  /**
   * The type of any event: `existing` is a component union whose branches are exactly the payloads (reuse it);
   * otherwise `name` is the words of a union the emitter declares over every event's payload.
   */
  union: { existing: string } | { name: Words } | { none: true };
  /** Signature verification, from `x-embott-webhook-signature`; absent = the SDK cannot verify. */
  signature?: WebhookSignature;
  /** The resource that carries `verify`/`unwrap` (`webhooks`), present when `signature` is. */
  resource?: string;
}

/** One webhook event. */
export interface WebhookEventPlan {
  /** The event type, e.g. `message.created`. */
  type: string;
  /** Neutral words for handler or type names. */
  name: Words;
  /** Payload type, when documented. */
  payload?: TypeRef;
  docs: Docs;
  deprecated: boolean;
}
