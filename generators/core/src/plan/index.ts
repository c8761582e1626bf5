export { type BuildPlanOptions, buildPlan } from "./build";
export { planAuth, RETRY_POLICY } from "./client";
export { PlanError } from "./errors";
export { allResources, credentialAlternatives, methodById, modelById, resourceById } from "./lookup";
export { publicSingular, WordScope } from "./names";
export * from "./types";
