import type { GeneratedFile } from "@embott/codegen-core";
import { docLines, tagLines } from "./docs";
import { writeExpr } from "./expression";
import { withHeader } from "./header";
import { rubyString } from "./literals";
import { RubyWriter } from "./ruby-writer";
import type { RubyEnumModel, RubyModel, RubyObjectModel, RubySdk, RubyUnionModel } from "./sdk-view";
import type { ModelIndex } from "./types";

/** One file per model under lib/<libDir>/models/: a class with readers, a module of enum values, or a Union. */
export function modelFile(
  sdk: RubySdk,
  model: RubyModel,
  index: ModelIndex,
  specFile: string,
): GeneratedFile | undefined {
  if (model.kind === "alias") return undefined; // aliases are inlined where they are used
  const out = new RubyWriter();
  out.block(`module ${sdk.moduleName}`, () => {
    out.block("module Models", () => {
      if (model.kind === "object") objectModel(out, sdk, model, index);
      else if (model.kind === "enum") enumModel(out, model);
      else unionModel(out, sdk, model);
    });
  });
  return {
    path: `lib/${sdk.libDir}/models/${model.file}.rb`,
    contents: withHeader(out.toString(), specFile),
  };
}

function classDocs(out: RubyWriter, model: RubyModel, fallback: string): void {
  const lines = docLines(model.description, out.indentWidth);
  out.comment(lines.length > 0 ? lines : [fallback]);
  if (model.deprecated) out.comment(["@deprecated"]);
}

function objectModel(out: RubyWriter, sdk: RubySdk, model: RubyObjectModel, index: ModelIndex): void {
  classDocs(out, model, `The ${model.className} object.`);
  out.block(`class ${model.className} < ::${sdk.moduleName}::Model`, () => {
    model.fields.forEach((field, position) => {
      if (position > 0) out.line();
      const type = index.yardType(field.type, "");
      const nilable = !field.required || field.nullable ? ", nil" : "";
      const values = index.enumOf(field.type);
      const oneOf = values
        ? ` One of ${values.values.map((value) => JSON.stringify(value.value)).join(", ")} (others may be added).`
        : "";
      const description = `${field.description?.trim() ?? ""}${oneOf}`.trim();
      out.comment(
        tagLines(
          `@return [${type}${nilable}] `,
          description || `The ${field.wireName} field.`,
          out.indentWidth,
        ),
      );
      if (field.deprecated) out.comment(["@deprecated"]);
      const coercion = index.coercion(field.type, "");
      out.block(`def ${field.reader}`, () => {
        const args = [rubyString(field.wireName), ...(coercion ? [coercion] : [])];
        writeExpr(out, { open: "read_attribute(", items: args, close: ")" });
      });
    });
  });
}

function enumModel(out: RubyWriter, model: RubyEnumModel): void {
  classDocs(out, model, `Values of ${model.className}.`);
  out.comment(["Values the server may add later arrive as plain values too."]);
  out.block(`module ${model.className}`, () => {
    for (const value of model.values) {
      out.comment([`The value ${JSON.stringify(value.value)}.`]);
      out.line(
        `${value.constant} = ${typeof value.value === "string" ? rubyString(value.value) : String(value.value)}`,
      );
    }
    out.comment(["Every documented value."]);
    writeExpr(out, {
      open: "ALL = [",
      items: model.values.map((value) => value.constant),
      close: "].freeze",
    });
  });
}

function unionModel(out: RubyWriter, sdk: RubySdk, model: RubyUnionModel): void {
  classDocs(out, model, `One of several ${model.className} variants.`);
  const mapping = (model.discriminator?.mapping ?? []).filter(
    (entry) => sdk.models.find((candidate) => candidate.id === entry.id)?.kind === "object",
  );
  const discriminator =
    model.discriminator && mapping.length > 0 ? { ...model.discriminator, mapping } : undefined;
  if (discriminator) {
    out.comment([
      `Picked by the "${discriminator.property}" field; an unknown variant is a plain {${sdk.moduleName}::Model}.`,
    ]);
    out.line(`${model.className} = ::${sdk.moduleName}::Union.new(`);
    out.line(`  ${rubyString(discriminator.property)},`);
    out.line("  {");
    discriminator.mapping.forEach((entry, position) => {
      const target = sdk.models.find((candidate) => candidate.id === entry.id);
      const comma = position < discriminator.mapping.length - 1 ? "," : "";
      out.line(`    ${rubyString(entry.value)} => :${target?.className}${comma}`);
    });
    out.line("  },");
    out.line("  namespace: self");
    out.line(")");
  } else {
    out.comment([
      `Kept as a plain {${sdk.moduleName}::Model} (the variants have no field that tells them apart).`,
    ]);
    out.line(`${model.className} = ::${sdk.moduleName}::Union.new(nil, {})`);
  }
}
