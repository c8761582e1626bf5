import {
  type AuthSchemePlan,
  credentialAlternatives,
  type SdkPlan,
  type SecurityRequirement,
} from "@embott/codegen-core";
import type { TsNames } from "./names";

/** A credential the generated client takes besides `apiKey`: its option, env var and scheme. */
export interface CredentialOption {
  option: string;
  env: string;
  scheme: AuthSchemePlan;
}

/** How the generated client authenticates, read from the plan's `client.auth`. */
export interface ClientAuth {
  /** The scheme the `apiKey` option feeds and its env var; absent when the API takes no credentials. */
  apiKey?: AuthSchemePlan;
  apiKeyEnv?: string;
  /** Further credentials, each its own option (`authEmail` for `X-Auth-Email`). */
  others: CredentialOption[];
  /**
   * The root alternatives as option names when they are not the runtime's default (`apiKey` when there is a
   * scheme; see `ownRoot`); `alternatives` translates an operation's the same way.
   */
  security?: string[][];
  alternatives(requirements: readonly SecurityRequirement[]): string[][];
}

/**
 * The plan's credentials as TypeScript options: the `["api", "key"]` one feeds `apiKey`, every other is its own
 * option (`authEmail` for `X-Auth-Email`) with the plan's env var.
 */
export function clientAuth(plan: SdkPlan, names: TsNames): ClientAuth {
  const known = computed.get(plan);
  if (known) return known;
  const auth = computeClientAuth(plan, names);
  computed.set(plan, auth);
  return auth;
}

const computed = new WeakMap<SdkPlan, ClientAuth>();

function computeClientAuth(plan: SdkPlan, names: TsNames): ClientAuth {
  const { auth } = plan.client;
  const scheme = (id: string) => auth.schemes.find((candidate) => candidate.id === id)!;
  const primary = auth.credentials.find((credential) => credential.scheme === auth.primary);
  const optionOf = new Map<string, string>(primary ? [[primary.scheme, "apiKey"]] : []);
  const others: CredentialOption[] = auth.credentials
    .filter((credential) => credential !== primary)
    .map((credential) => {
      const option = names.option(credential.name);
      optionOf.set(credential.scheme, option);
      return { option, env: credential.env, scheme: scheme(credential.scheme) };
    });
  const alternatives = (list: readonly SecurityRequirement[]) =>
    credentialAlternatives(auth, list).map((alternative) =>
      alternative.map((credential) => optionOf.get(credential.scheme)!),
    );
  return {
    ...(primary ? { apiKey: scheme(primary.scheme), apiKeyEnv: primary.env } : {}),
    others,
    ...(ownRoot(alternatives(auth.defaultSecurity), primary !== undefined) ?? {}),
    alternatives,
  };
}

/**
 * The plan's default alternatives, unless they are the runtime's default: `[["apiKey"]]` (required at
 * construction and sent) for a client with an `apiKey`, `[]` for one without.
 */
function ownRoot(root: string[][], hasApiKey: boolean): { security: string[][] } | undefined {
  const runtimeDefault = hasApiKey ? [["apiKey"]] : [];
  return JSON.stringify(root) === JSON.stringify(runtimeDefault) ? undefined : { security: root };
}

/** The alternatives the runtime applies to every operation without its own (see `clientAuth`). */
export function rootAlternatives(auth: ClientAuth): string[][] {
  return auth.security ?? (auth.apiKey ? [["apiKey"]] : []);
}
