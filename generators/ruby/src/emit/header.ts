import { generatedHeader } from "@embott/codegen-core";

const FROZEN = "# frozen_string_literal: true";

/** `source` with the magic comment first and the generated-file header right after it. */
export function withHeader(source: string, specFile: string): string {
  const body = source.startsWith(FROZEN) ? source.slice(FROZEN.length).replace(/^\n+/, "") : source;
  return `${FROZEN}\n\n${generatedHeader(specFile, "hash")}\n\n${body}`;
}
