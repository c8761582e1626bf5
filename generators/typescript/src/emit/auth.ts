import type { AuthSchemePlan, SdkPlan, SecurityRequirement } from "@embott/codegen-core";
import type { TsNames } from "./names";

/** A credential the generated client takes besides `apiKey`: its option, env var and scheme. */
export interface CredentialOption {
  option: string;
  env: string;
  scheme: AuthSchemePlan;
}

/** How the generated client authenticates, read from the plan's `client.auth`. */
export interface ClientAuth {
  /** The scheme the `apiKey` option feeds. */
  apiKey?: AuthSchemePlan;
  /** Further credentials, each its own option (`authEmail` for `X-Auth-Email`). */
  others: CredentialOption[];
  /**
   * The root alternatives as option names when the client takes more than `apiKey` (else the runtime's default:
   * `apiKey` when there is a scheme); `alternatives` translates an operation's the same way.
   */
  security?: string[][];
  alternatives(requirements: readonly SecurityRequirement[]): string[][];
}

/** Placements the runtime can send (it sends no cookie credentials). */
const SENDABLE = new Set<AuthSchemePlan["placement"]>(["bearer", "basic", "header", "query"]);

/**
 * `apiKey` feeds the first scheme that is a whole alternative on its own (root first, then the operations'), else
 * the plan's primary; every other scheme some alternative needs gets its own option, named after its header or
 * query parameter (`X-Auth-Key` → `authKey`) or else the scheme, with an `<PREFIX>_<OPTION>` env var.
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
  const sendable = (id: string) =>
    auth.schemes.find((scheme) => scheme.id === id && SENDABLE.has(scheme.placement));
  const operationRequirements = plan.resources.flatMap((resource) =>
    resource.methods.flatMap((method) => method.security),
  );
  const requirements = [...auth.requirements, ...operationRequirements];
  const single = requirements.find(
    (requirement) => requirement.schemes.length === 1 && sendable(requirement.schemes[0]!.id),
  );
  const apiKey = single ? sendable(single.schemes[0]!.id) : auth.primary ? sendable(auth.primary) : undefined;
  const optionOf = new Map<string, string>(apiKey ? [[apiKey.id, "apiKey"]] : []);
  const others: CredentialOption[] = [];
  for (const id of new Set(
    requirements.flatMap((requirement) => requirement.schemes.map((scheme) => scheme.id)),
  )) {
    const scheme = sendable(id);
    if (!scheme || optionOf.has(id)) continue;
    const option = unique(names.option(optionWords(scheme)), optionOf);
    optionOf.set(id, option);
    others.push({ option, env: `${plan.client.env.prefix}_${snake(option)}`, scheme });
  }
  const alternatives = (list: readonly SecurityRequirement[]) =>
    list
      .filter((requirement) => requirement.schemes.every((scheme) => optionOf.has(scheme.id)))
      .map((requirement) => requirement.schemes.map((scheme) => optionOf.get(scheme.id)!));
  return {
    ...(apiKey ? { apiKey } : {}),
    others,
    ...(others.length > 0 ? { security: alternatives(auth.requirements) } : {}),
    alternatives,
  };
}

/** The alternatives the runtime applies to every operation without its own (see `clientAuth`). */
export function rootAlternatives(auth: ClientAuth): string[][] {
  return auth.security ?? (auth.apiKey ? [["apiKey"]] : []);
}

function optionWords(scheme: AuthSchemePlan): string[] {
  if (!scheme.parameterName) return [...scheme.name];
  const words = scheme.parameterName
    .replace(/^x-/i, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  return words.length > 0 ? words : [...scheme.name];
}

function unique(option: string, taken: ReadonlyMap<string, string>): string {
  const used = new Set(taken.values());
  let candidate = option;
  for (let index = 2; used.has(candidate); index++) candidate = `${option}${index}`;
  return candidate;
}

function snake(option: string): string {
  return option.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}
