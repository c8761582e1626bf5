import { credentialAlternatives, type SdkPlan, type SecurityRequirement } from "@embott/codegen-core";
import { rubyNaming } from "../naming";
import type { RubyCredential } from "./sdk-view";

/** The plan's credentials as client keyword options, and security requirements as alternatives of those options. */
export interface RubyAuth {
  credentials: RubyCredential[];
  /** The alternatives an operation sends unless it has its own (`[]`: none). */
  root: string[][];
  /** An operation's requirements as alternatives of option keywords. */
  alternatives(requirements: readonly SecurityRequirement[]): string[][];
}

/**
 * One keyword option per `client.auth.credentials` entry (the primary's is `api_key`), each with the scheme's
 * placement and env variable. The root alternatives are the plan's `defaultSecurity`.
 */
export function rubyAuth(plan: SdkPlan): RubyAuth {
  const { auth } = plan.client;
  const option = new Map(
    auth.credentials.map((credential) => [
      credential.scheme,
      rubyNaming.identifier(credential.name, "parameter"),
    ]),
  );
  const credentials: RubyCredential[] = auth.credentials.map((credential) => {
    const scheme = auth.schemes.find((candidate) => candidate.id === credential.scheme);
    if (!scheme || scheme.placement === "none")
      throw new Error(`credential ${credential.scheme} has no sendable scheme`);
    return {
      keyword: option.get(credential.scheme) ?? "",
      scheme: credential.scheme,
      placement: scheme.placement,
      name: scheme.parameterName,
      env: credential.env,
      primary: credential.scheme === auth.primary,
    };
  });
  const alternatives = (requirements: readonly SecurityRequirement[]) =>
    credentialAlternatives(auth, requirements).map((alternative) =>
      alternative.map((credential) => option.get(credential.scheme) ?? ""),
    );
  return { credentials, root: alternatives(auth.defaultSecurity), alternatives };
}

/** `[%i[auth_email auth_key], %i[api_key]]`; an anonymous alternative is `[]`. */
export function alternativesLiteral(alternatives: readonly string[][]): string {
  return `[${alternatives.map((options) => (options.length === 0 ? "[]" : `%i[${options.join(" ")}]`)).join(", ")}]`;
}
