/** The IR cannot be turned into an SDK (e.g. a path placeholder without a parameter); names the operation. */
export class PlanError extends Error {
  override readonly name = "PlanError";
}
