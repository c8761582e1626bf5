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
  out.comment(["Models refer to each other only when a reader runs, so every file loads in any order."]);
  out.line(
    `Dir[File.join(__dir__, "${sdk.libDir}", "{models,services}", "*.rb")].each { |file| require file }`,
  );
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
