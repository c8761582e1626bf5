import type { IR, Model, Operation } from "../ir/types";
import type { SpecDetails } from "./spec-details";

/** What every plan pass reads: the IR with lookups by id, and the spec details the IR leaves out. */
export interface PlanContext {
  ir: IR;
  details: SpecDetails;
  model(id: string): Model | undefined;
  operation(id: string): Operation | undefined;
}

export function planContext(ir: IR, details: SpecDetails): PlanContext {
  const models = new Map(ir.models.map((model) => [model.id, model]));
  const operations = new Map(
    ir.resources.flatMap((resource) => resource.operations).map((operation) => [operation.id, operation]),
  );
  return {
    ir,
    details,
    model: (id) => models.get(id),
    operation: (id) => operations.get(id),
  };
}
