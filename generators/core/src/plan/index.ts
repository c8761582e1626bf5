export { type BuildPlanOptions, buildPlan } from "./build";
export { RETRY_POLICY } from "./client";
export { PlanError } from "./errors";
export { allResources, methodById, modelById, resourceById } from "./lookup";
export { publicSingular, WordScope } from "./names";
export * from "./types";
