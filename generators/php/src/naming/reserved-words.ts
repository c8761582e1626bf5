/** PHP keywords and reserved type names; they cannot name a class, interface, trait or enum (any case). */
export const PHP_RESERVED_CLASS_NAMES: ReadonlySet<string> = new Set(
  (
    "abstract and array as break callable case catch class clone const continue declare default die do echo else " +
    "elseif empty enddeclare endfor endforeach endif endswitch endwhile enum eval exit extends final finally fn for " +
    "foreach function global goto if implements include include_once instanceof insteadof interface isset list " +
    "match namespace new or print private protected public readonly require require_once return static switch " +
    "throw trait try unset use var while xor yield int float bool string true false null void iterable object " +
    "mixed never self parent resource numeric"
  ).split(" "),
);

/** `Foo::class` is taken, so no constant or enum case may be called `class`. */
export const PHP_RESERVED_CONSTANTS: ReadonlySet<string> = new Set(["class"]);

/** `$this` cannot be a parameter. */
export const PHP_RESERVED_PARAMETERS: ReadonlySet<string> = new Set(["this"]);

/** Magic methods PHP calls implicitly. */
export const PHP_RESERVED_METHODS: ReadonlySet<string> = new Set(
  "__construct __destruct __call __callstatic __get __set __isset __unset __sleep __wakeup __tostring __invoke __clone".split(
    " ",
  ),
);
