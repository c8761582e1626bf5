import type { SecurityRequirement } from "../ir/types";
import type {
  AuthPlan,
  CredentialPlan,
  MethodPlan,
  ModelPlan,
  PlanIndex,
  ResourcePlan,
  SdkPlan,
} from "./types";

/** The model with `id`; throws when the plan has none (a bug in the plan, not in the spec). */
export function modelById(plan: SdkPlan, id: string): ModelPlan {
  const position = plan.index.models[id];
  const model = position === undefined ? undefined : plan.models[position];
  if (!model) throw new Error(`plan has no model "${id}"`);
  return model;
}

/** The resource with dotted `id`. */
export function resourceById(plan: SdkPlan, id: string): ResourcePlan {
  const positions = plan.index.resources[id];
  let level: ResourcePlan[] = plan.resources;
  let found: ResourcePlan | undefined;
  for (const position of positions ?? []) {
    found = level[position];
    level = found?.children ?? [];
  }
  if (!found || !positions) throw new Error(`plan has no resource "${id}"`);
  return found;
}

/** The method with `id` (an IR operation id). */
export function methodById(plan: SdkPlan, id: string): MethodPlan {
  const resourceId = plan.index.methods[id];
  const method = resourceId ? resourceById(plan, resourceId).methods.find((m) => m.id === id) : undefined;
  if (!method) throw new Error(`plan has no method "${id}"`);
  return method;
}

/** Every resource, parents before children. */
export function allResources(plan: Pick<SdkPlan, "resources">): ResourcePlan[] {
  const walk = (resources: readonly ResourcePlan[]): ResourcePlan[] =>
    resources.flatMap((resource) => [resource, ...walk(resource.children)]);
  return walk(plan.resources);
}

/** Builds the plan's index from its lists. */
export function buildIndex(models: readonly ModelPlan[], resources: readonly ResourcePlan[]): PlanIndex {
  const index: PlanIndex = { models: {}, methods: {}, resources: {} };
  models.forEach((model, position) => {
    index.models[model.id] = position;
  });
  const walk = (level: readonly ResourcePlan[], prefix: number[]) =>
    level.forEach((resource, position) => {
      index.resources[resource.id] = [...prefix, position];
      for (const method of resource.methods) index.methods[method.id] = resource.id;
      walk(resource.children, [...prefix, position]);
    });
  walk(resources, []);
  return index;
}

/**
 * `requirements` (a method's `security`, or the root's) as alternatives of the client's credentials, in spec order,
 * leaving out alternatives that need a scheme the SDK cannot send. `[]` in, `[]` out: nothing is sent. An
 * alternative with no schemes (`{}`) means "anonymous allowed" and comes out as `[]` inside the list; runtimes
 * send the first non-empty alternative they hold every credential for, else nothing when an empty one is allowed.
 */
export function credentialAlternatives(
  auth: AuthPlan,
  requirements: readonly SecurityRequirement[],
): CredentialPlan[][] {
  const byScheme = new Map(auth.credentials.map((credential) => [credential.scheme, credential]));
  return requirements
    .filter((requirement) => requirement.schemes.every((scheme) => byScheme.has(scheme.id)))
    .map((requirement) => requirement.schemes.map((scheme) => byScheme.get(scheme.id)!));
}
