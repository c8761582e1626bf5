/** Words that cannot name a parameter or local binding in TypeScript (strict mode, modules). */
export const TYPESCRIPT_KEYWORDS: ReadonlySet<string> = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "as implements interface let package private protected public static yield await arguments eval"
  ).split(" "),
);

/** Type names that would shadow built-in or global types the generated code and its users rely on. */
export const TYPESCRIPT_RESERVED_TYPES: ReadonlySet<string> = new Set(
  (
    "Object Array Promise Function Date Error Map Set Record Partial Required Readonly Pick Omit Exclude Extract " +
    "Blob File FormData Response Request Headers URL URLSearchParams JSON Math Symbol String Number Boolean " +
    "BigInt RegExp Uint8Array ArrayBuffer ReadableStream AbortSignal Iterable AsyncIterable Awaited"
  ).split(" "),
);

/**
 * Members every class already has, and `then`: a client or resource with a `then` member is thenable, so
 * `await` would call it instead of returning the object.
 */
export const TYPESCRIPT_RESERVED_MEMBERS: ReadonlySet<string> = new Set(["constructor", "then"]);

/** Globals hey-api's printed types refer to, which a model type in the same module must not shadow. */
export const TYPESCRIPT_MODEL_RESERVED_TYPES: ReadonlySet<string> = new Set(
  "Array Record Blob File Date Promise Object String Number Boolean Symbol Partial Required Readonly".split(
    " ",
  ),
);
