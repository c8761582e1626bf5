import { describe, expect, it } from "vitest";
import { loadSpec, SpecError } from "../../src/index";
import { reproIR, reproSpec } from "../helpers/repro";

describe("repro validate31.yaml: 3.1 schemas with leftovers JSON Schema 2020-12 ignores", () => {
  it("generates, with one located warning per leftover", async () => {
    const { spec, ir } = await reproIR("validate31.yaml");
    expect(
      spec.warnings.map((warning) => [warning.line, warning.pointer.split("/").slice(-2).join("/")]),
    ).toEqual([
      [15, "name/nullable"],
      [16, "model/type"],
    ]);
    expect(spec.warnings.every((warning) => warning.severity === "warning" && warning.col > 0)).toBe(true);
    const model = ir.models.find((candidate) => candidate.kind === "object");
    expect(
      model?.kind === "object" && model.properties.map((property) => [property.name, property.type]),
    ).toEqual([
      ["name", { kind: "primitive", type: "string", nullable: true }],
      ["model", { kind: "primitive", type: "string" }],
    ]);
  });

  it("is refused with --strict, each problem located", async () => {
    const error = await loadSpec(reproSpec("validate31.yaml"), { strict: true }).catch((caught) => caught);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems.map((problem) => [problem.severity, problem.line])).toEqual([
      ["error", 15],
      ["error", 16],
    ]);
  });
});
