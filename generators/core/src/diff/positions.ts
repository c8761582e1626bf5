import type { ApiSurface, SurfaceModel, SurfaceType } from "./surface";
import type { Position } from "./types-compare";

/**
 * Where each model is used, over both surfaces: `input` when reachable from a method's params, `output` when
 * reachable from a return value, a stream event or a webhook payload. Read-only fields are followed only from
 * outputs, write-only fields only from inputs.
 */
export function positionsOf(...surfaces: ApiSurface[]): Map<string, Position> {
  const positions = new Map<string, Position>();
  for (const surface of surfaces) {
    const models = new Map(surface.models.map((model) => [model.key, model]));
    const visit = (type: SurfaceType | undefined, side: keyof Position, seen: Set<string>): void => {
      if (!type) return;
      if (type.kind === "array" || type.kind === "map") {
        visit(type.kind === "array" ? type.items : type.values, side, seen);
        return;
      }
      if (type.kind !== "ref" || seen.has(type.id)) return;
      seen.add(type.id);
      const position = positions.get(type.id) ?? { input: false, output: false };
      position[side] = true;
      positions.set(type.id, position);
      const model = models.get(type.id);
      if (model) for (const inner of innerTypes(model, side)) visit(inner, side, seen);
    };
    const inputs = new Set<string>();
    const outputs = new Set<string>();
    for (const method of surface.methods) {
      for (const param of method.params) visit(param.type, "input", inputs);
      visit(method.returns, "output", outputs);
    }
    for (const event of surface.webhooks) visit(event.payload, "output", outputs);
  }
  return positions;
}

function innerTypes(model: SurfaceModel, side: keyof Position): SurfaceType[] {
  const shape = model.shape;
  switch (shape.kind) {
    case "object":
      return [
        ...shape.properties
          .filter((property) => property.only !== (side === "input" ? "read" : "write"))
          .map((property) => property.type),
        ...(shape.extraKeys ? [shape.extraKeys] : []),
      ];
    case "union":
      return shape.variants;
    case "alias":
      return [shape.type];
    case "enum":
      return [];
  }
}
