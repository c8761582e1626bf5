/** Ruby keywords. */
export const RUBY_KEYWORDS: ReadonlySet<string> = new Set(
  (
    "__ENCODING__ __LINE__ __FILE__ BEGIN END alias and begin break case class def defined? do else elsif end " +
    "ensure false for if in module next nil not or redo rescue retry return self super then true undef unless " +
    "until when while yield"
  ).split(" "),
);

/** Methods every Ruby object has; a resource method or attribute with these names would break the object. */
export const RUBY_RESERVED_METHODS: ReadonlySet<string> = new Set([
  ...RUBY_KEYWORDS,
  ...(
    "class send object_id hash method methods freeze dup clone display extend inspect instance_variables tap " +
    "then to_s public_send initialize raise equal instance_of is_a kind_of respond_to nil frozen"
  ).split(" "),
]);

/** Core constants a generated class must not shadow inside the SDK namespace. */
export const RUBY_RESERVED_CONSTANTS: ReadonlySet<string> = new Set(
  (
    "Object Class Module String Integer Float Array Hash Symbol Comparable Kernel Struct Time Set Data Method " +
    "Proc Range Exception StandardError Enumerable Enumerator IO File Dir JSON Net URI BasicObject NilClass"
  ).split(" "),
);
