import {
  callSource,
  docBlock,
  fileHeader,
  fitted,
  phpArray,
  phpString,
  phpValue,
  useLines,
} from "./php-source";
import type { PhpEnumModel, PhpObjectModel, PhpProperty, PhpUnionModel } from "./view";

/** Where the printers put things: one namespace per concern. */
export interface Namespaces {
  root: string;
  model: string;
  service: string;
}

/** The readonly model class of an object schema: typed promoted properties plus fromArray(). */
export function objectModelFile(model: PhpObjectModel, ns: Namespaces, specFile: string): string {
  const rawParam = model.properties.some((property) => property.name === "json") ? "sourceJson" : "json";
  const uses = [`${ns.root}\\Core\\Fields`, `${ns.root}\\Core\\Model`];
  const promoted = model.properties.map((property) => promotedProperty(property)).join("");
  const reads = model.properties.map((property) => `${fieldRead(property)}\n`);
  const deprecated = model.deprecated ? ["@deprecated"] : [];
  return `${fileHeader(specFile, ns.model)}
${useLines(uses)}${docBlock(0, [model.description ?? `The ${model.className} object.`], deprecated)}final class ${model.className} extends Model
{
    /** @param array<string, mixed> $${rawParam} the decoded object, unknown fields included */
    public function __construct(
${promoted}        array $${rawParam},
    ) {
        parent::__construct($${rawParam});
    }

    /** @param array<string, mixed> $data */
    public static function fromArray(array $data): self
    {
        $fields = new Fields($data, self::class);
        return new self(
${reads.join("")}            ${rawParam}: $data,
        );
    }
}
`;
}

function promotedProperty(property: PhpProperty): string {
  const type = property.type;
  const native = type.native === "mixed" ? "mixed" : `${property.nullable ? "?" : ""}${type.native}`;
  const needsVar = type.doc !== type.native;
  const docType = `${type.doc}${property.nullable && type.native !== "mixed" ? "|null" : ""}`;
  const tags = [
    ...(needsVar ? [`@var ${docType}`] : []),
    ...(type.enumClass ? [`@see ${type.enumClass}::VALUES for the known values`] : []),
    ...(property.deprecated ? ["@deprecated"] : []),
  ];
  const doc = docBlock(8, [property.description], tags);
  return `${doc}${fitted(`        public readonly ${native} $${property.name},`)}\n`;
}

function fieldRead(property: PhpProperty): string {
  const { method, arg } = property.type.read;
  const args = [phpString(property.wire)];
  if (arg !== undefined) args.push(arg.endsWith("::class") ? arg : phpString(arg));
  if (property.nullable && method !== "mixed") args.push("true");
  return callSource(12, `${property.name}: $fields->${method}`, args, ",");
}

/** Constants for an enum's known values; properties stay plain scalars so new values are never an error. */
export function enumFile(model: PhpEnumModel, ns: Namespaces, specFile: string): string {
  const constants = model.cases.map(
    (item) => `    public const ${item.constant} = ${phpValue(item.value)};\n`,
  );
  const known = phpArray(
    model.cases.map((item) => `self::${item.constant}`),
    4,
    "    public const VALUES = ".length,
  );
  const note =
    "The values this SDK knows. The API may add values: fields typed with this enum hold any value the API sends.";
  return `${fileHeader(specFile, ns.model)}
${docBlock(0, [model.description ?? `Values of ${model.className}.`, note])}final class ${model.className}
{
${constants.join("")}
    /** Every value above. */
    public const VALUES = ${known};

    private function __construct()
    {
    }
}
`;
}

/**
 * A factory for a oneOf/anyOf of objects: the discriminator picks the class; without one, each variant is tried
 * in order. An unknown kind (one the API added later) becomes an UnknownModel, never an error.
 */
export function unionFile(model: PhpUnionModel, ns: Namespaces, specFile: string): string {
  const uses = [`${ns.root}\\Core\\Model`, `${ns.root}\\Core\\UnknownModel`];
  const union = [...model.variants, "UnknownModel"].join("|");
  const returns =
    union.length <= 90 ? union : `Model one of ${[...model.variants, "UnknownModel"].join(", ")}`;
  let body: string;
  if (model.discriminator) {
    const arms = model.discriminator.mapping.map(
      (entry) => `            ${phpString(entry.value)} => ${entry.className}::fromArray($data),\n`,
    );
    body = `        return match ($data[${phpString(model.discriminator.property)}] ?? null) {
${arms.join("")}            default => UnknownModel::fromArray($data),
        };`;
  } else {
    uses.push(`${ns.root}\\Exception\\SdkException`);
    const classes = phpArray(
      model.variants.map((variant) => `${variant}::class`),
      8,
      "        $variants = ;".length,
    );
    body = `        $variants = ${classes};
        foreach ($variants as $variant) {
            try {
                return $variant::fromArray($data);
            } catch (SdkException) {
                // not this variant: try the next
            }
        }
        return UnknownModel::fromArray($data);`;
  }
  return `${fileHeader(specFile, ns.model)}
${useLines(uses)}${docBlock(0, [model.description ?? `One of: ${model.variants.join(", ")}.`])}final class ${model.className}
{
${docBlock(4, [], ["@param array<string, mixed> $data", `@return ${returns}`])}    public static function fromArray(array $data): Model
    {
${body}
    }

    private function __construct()
    {
    }
}
`;
}
