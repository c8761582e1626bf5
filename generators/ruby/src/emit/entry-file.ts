import type { GeneratedFile } from "@embott/codegen-core";
import { docLines } from "./docs";
import { withHeader } from "./header";
import { RubyWriter } from "./ruby-writer";
import type { RubySdk, RubyService } from "./sdk-view";

/** lib/<libDir>.rb: requires the runtime, the models, the services and the client. */
export function entryFile(sdk: RubySdk, specFile: string): GeneratedFile {
  const out = new RubyWriter();
  out.line(`require_relative "${sdk.libDir}/version"`);
  out.line(`require_relative "${sdk.libDir}/runtime"`);
  for (const model of sdk.models)
    if (model.kind !== "alias") out.line(`require_relative "${sdk.libDir}/models/${model.file}"`);
  for (const service of flatten(sdk.services))
    out.line(`require_relative "${sdk.libDir}/services/${service.file}"`);
  out.line(`require_relative "${sdk.libDir}/client"`);
  out.line();
  const docs = docLines(sdk.description ?? sdk.title, out.indentWidth);
  out.comment([
    `The ${sdk.title} SDK: start with {${sdk.moduleName}::Client}.`,
    ...(docs.length > 0 ? ["", ...docs.slice(0, 12)] : []),
  ]);
  out.block(`module ${sdk.moduleName}`, () => {
    out.comment([
      "The API's response models (readers for documented fields; `[]` and `to_h` for everything).",
    ]);
    out.block("module Models", () => undefined);
    out.line();
    out.comment(["The API's services, reached through the client (`client.<service>`)."]);
    out.block("module Services", () => undefined);
  });
  return { path: `lib/${sdk.libDir}.rb`, contents: withHeader(out.toString(), specFile) };
}

/** lib/<libDir>/version.rb: written once, then owned by the release process. */
export function versionFile(sdk: RubySdk): GeneratedFile {
  const contents = [
    "# frozen_string_literal: true",
    "",
    `module ${sdk.moduleName}`,
    "  # The gem's version.",
    '  VERSION = "0.1.0"',
    "end",
    "",
  ].join("\n");
  return { path: `lib/${sdk.libDir}/version.rb`, contents, scaffold: true };
}

/** Every service, parents before children. */
export function flatten(services: readonly RubyService[]): RubyService[] {
  return services.flatMap((service) => [service, ...flatten(service.children)]);
}
