/**
 * The public surface of the SDKs, as `diff` compares it: what a user's code can name or depend on — resources and
 * methods, their flat params, what they return, the models, webhook events and auth. Language-neutral (words and
 * wire names; each language's naming refiner cases them), plain JSON, small enough to store beside the generated
 * output as the snapshot `generate` compares the next spec with. Docs are kept as short hashes: a docs change is
 * reported (as `none`) without storing the text.
 */

import type { TypeRef } from "../ir/types";

/** 2: methods carry their security alternatives with scopes (`security`) instead of scheme ids (`auth`). */
export const SURFACE_VERSION = 2;

/**
 * A type as users see it: the IR's `TypeRef`, except that a `ref`'s `id` is the model's neutral type name (its
 * `name` words joined by `_`), so a hoisted schema that moves in the spec keeps its identity.
 */
export type SurfaceType = TypeRef;

/** The whole surface of one spec. */
export interface ApiSurface {
  surfaceVersion: typeof SURFACE_VERSION;
  /** Where it came from (label as given, sha256 of the spec's bytes, `info.version`). */
  source: { file: string; sha256: string; apiVersion: string };
  /** Auth schemes the client may be configured with. */
  auth: SurfaceAuth[];
  /** Every SDK method, sorted by id. */
  methods: SurfaceMethod[];
  /** Every model users can name, sorted by key. */
  models: SurfaceModel[];
  /** Webhook events, sorted by type. */
  webhooks: SurfaceWebhook[];
}

/** A way to authenticate: kind plus placement. */
export interface SurfaceAuth {
  id: string;
  kind: string;
  /** apiKey: header/query/cookie and its name. */
  in?: string;
  name?: string;
}

/** One SDK method, `client.<resource>.<method>(params)`. */
export interface SurfaceMethod {
  /** Plan path of the method, e.g. "conversations.sendMessage". */
  id: string;
  /** Words of each resource segment, outermost first. */
  resource: string[][];
  /** Words of the method name. */
  name: string[];
  /** `HTTP-method path-template`, how a renamed method is recognised. */
  endpoint: string;
  /** What the call returns: one value, a page iterator, or an event stream. */
  kind: "plain" | "page" | "stream";
  /** Paging style, for page methods. */
  pagination?: string;
  /** Flat params in plan order. */
  params: SurfaceParam[];
  /** The returned value (page: each item; stream: each event); absent when the call returns nothing. */
  returns?: SurfaceType;
  /** Bytes or text instead of parsed JSON. */
  returnsRaw?: "binary" | "text";
  /** Security alternatives the method accepts, any one of them; `[]` = no auth. */
  security: SurfaceRequirement[];
  deprecated: boolean;
  docs?: string;
}

/**
 * One security alternative: every scheme it names at once, each with the scopes its credential must hold
 * (keys and scopes sorted), e.g. `{ "bearerAuth": ["bots:read"] }`; `{}` = anonymous.
 */
export type SurfaceRequirement = Record<string, string[]>;

/** One flat param. */
export interface SurfaceParam {
  /** Name on the wire (query/header/body key). */
  wire: string;
  /** Neutral words of the SDK-side name. */
  words: string[];
  location: "path" | "query" | "header" | "cookie" | "body";
  required: boolean;
  type: SurfaceType;
  deprecated: boolean;
  docs?: string;
}

/** A named model. */
export interface SurfaceModel {
  /** Neutral type name: the name's words joined by `_` (stable across an inline schema moving in the spec). */
  key: string;
  /** Words of the type name. */
  name: string[];
  /** Spec id (component name or JSON pointer of a hoisted schema). */
  id: string;
  shape:
    | { kind: "object"; properties: SurfaceProperty[]; extraKeys?: SurfaceType | false }
    | { kind: "enum"; values: (string | number | boolean)[]; nullable: boolean }
    | { kind: "union"; variants: SurfaceType[]; nullable: boolean }
    | { kind: "alias"; type: SurfaceType };
  deprecated: boolean;
  docs?: string;
}

/** One property of an object model. */
export interface SurfaceProperty {
  wire: string;
  words: string[];
  type: SurfaceType;
  required: boolean;
  /** Present only in responses (readOnly) or only in requests (writeOnly). */
  only?: "read" | "write";
  deprecated: boolean;
  docs?: string;
}

/** A webhook event and its payload. */
export interface SurfaceWebhook {
  type: string;
  payload?: SurfaceType;
  deprecated: boolean;
  docs?: string;
}
