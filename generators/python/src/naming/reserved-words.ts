/** Python 3 hard keywords: never usable as identifiers. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except finally for from " +
    "global if import in is lambda nonlocal not or pass raise return try while with yield"
  ).split(" "),
);

/** Names a parameter must not take: keywords plus the implicit method arguments. */
export const PYTHON_RESERVED_PARAMETERS: ReadonlySet<string> = new Set([...PYTHON_KEYWORDS, "self", "cls"]);

/** Class names that would shadow typing / stdlib names generated modules import. */
export const PYTHON_RESERVED_TYPES: ReadonlySet<string> = new Set([
  ...PYTHON_KEYWORDS,
  ..."Any Dict List Literal Mapping Optional Sequence Union Type TypedDict Enum IntEnum Iterator AsyncIterator Annotated".split(
    " ",
  ),
]);
