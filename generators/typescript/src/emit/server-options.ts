import { type IR, NameScope, type ServerVariable, wordsOr } from "@embott/codegen-core";
import { type CodeWriter, escapeTemplate, literalUnion, memberAccess, propertyKey, quote } from "../printer";
import type { EmitNames } from "./names";

/** The constructor's options parameter. */
export const OPTIONS_PARAM = "options";

/** One client option per variable of the default server (`region?: "eu" | "us"`). */
export interface ServerOption {
  key: string;
  variable: ServerVariable;
}

/** Client options for the default server's variables; absent when it has none. */
export interface ServerOptionsPlan {
  /** `EmbottOptions`: the runtime's `ClientOptions` plus one key per variable. */
  typeName: string;
  options: ServerOption[];
  /** Template literal building the default base URL from the options. */
  baseURL: string;
}

/**
 * Plans typed options for the first server's variables: each becomes a camelCase key (stepping aside from the
 * runtime's own `ClientOptions` keys), and the default base URL is built from them when `baseURL` is not given.
 */
export function planServerOptions(
  ir: IR,
  names: EmitNames,
  clientClass: string,
  runtimeOptionKeys: ReadonlySet<string>,
): ServerOptionsPlan | undefined {
  const server = ir.servers[0];
  if (!server || server.variables.length === 0) return undefined;
  const keys = new NameScope();
  for (const taken of runtimeOptionKeys) keys.claim(taken);
  const options = server.variables.map((variable) => {
    const words = wordsOr(variable.name, ["server"]);
    const key = names.paramKey(words);
    return {
      key: keys.has(key) ? keys.claim(names.paramKey(["server", ...words])) : keys.claim(key),
      variable,
    };
  });
  const typeName = names.claimExport(`${clientClass}Options`, `${clientClass}ClientOptions`);
  return { typeName, options, baseURL: baseURLTemplate(server.url, options) };
}

/** `` `https://${options.region ?? "eu"}.api.example.com/v1` `` (trailing slashes dropped). */
function baseURLTemplate(url: string, options: readonly ServerOption[]): string {
  const pieces = url
    .replace(/\/+$/, "")
    .split(/(\{[^}]+\})/)
    .filter(Boolean);
  const parts = pieces.map((piece) => {
    const option = options.find((candidate) => `{${candidate.variable.name}}` === piece);
    if (!option) return escapeTemplate(piece);
    const value = `${memberAccess(OPTIONS_PARAM, option.key)} ?? ${quote(option.variable.default)}`;
    return `\${${value}}`;
  });
  return `\`${parts.join("")}\``;
}

/** `export interface EmbottOptions extends ClientOptions { region?: "eu" | "us"; }`. */
export function writeServerOptions(
  writer: CodeWriter,
  plan: ServerOptionsPlan,
  serverUrl: string,
): CodeWriter {
  writer.doc(
    `Options of the client: the runtime's {@link ClientOptions} plus the variables of \`${serverUrl}\`.`,
  );
  return writer.block(`export interface ${plan.typeName} extends ClientOptions`, () => {
    for (const { key, variable } of plan.options) {
      const type = variable.enum && variable.enum.length > 0 ? literalUnion(variable.enum) : "string";
      const docs = [
        variable.description,
        `Server variable \`${variable.name}\` of the default base URL; ignored when \`baseURL\` (or its env var) is set.`,
        `Default: \`${quote(variable.default)}\`.`,
      ];
      writer.doc(docs.filter(Boolean).join("\n\n"));
      writer.line(`${propertyKey(key)}?: ${type};`);
    }
  });
}
