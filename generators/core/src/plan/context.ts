import type { IR, Model, Operation, SecurityRequirement } from "../ir/types";
import type { SpecDetails } from "./spec-details";

/** What every plan pass reads: the IR with lookups by id, and the spec details the IR leaves out. */
export interface PlanContext {
  ir: IR;
  details: SpecDetails;
  model(id: string): Model | undefined;
  operation(id: string): Operation | undefined;
  /** Set once the client is planned: what a method without requirements needs (see `impliedSecurity`). */
  impliedSecurity?: SecurityRequirement[];
}

export function planContext(ir: IR, details: SpecDetails): PlanContext {
  const models = new Map<string, Model>();
  for (const model of ir.models) models.set(model.id, model);
  let operations: Map<string, Operation> | undefined;
  return {
    ir,
    details,
    model: (id) => models.get(id),
    // Only stream twins look operations up by id, so the index is built on first use.
    operation: (id) => {
      if (!operations) {
        operations = new Map();
        for (const resource of ir.resources)
          for (const operation of resource.operations) operations.set(operation.id, operation);
      }
      return operations.get(id);
    },
  };
}
