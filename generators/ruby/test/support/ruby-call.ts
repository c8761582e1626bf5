import { spawn } from "node:child_process";
import { allResources, methodById, type SdkPlan } from "@embott/codegen-core";
import { buildRubySdk } from "../../src/emit/from-plan";
import type { RubyService } from "../../src/emit/sdk-view";
import { rubyNaming } from "../../src/naming";

/** A plan method as the Ruby SDK calls it: service readers from the client, method name, keyword arguments. */
export interface RubyCall {
  path: string[];
  method: string;
  args: Record<string, unknown>;
}

/** The Ruby call of plan method `methodId` with arguments by the plan params' wire names. */
export function rubyCall(plan: SdkPlan, methodId: string, wireArgs: Record<string, unknown>): RubyCall {
  const method = methodById(plan, methodId);
  const resourceId = plan.index.methods[methodId] ?? "";
  const chain = allResources(plan)
    .filter((resource) => resourceId === resource.id || resourceId.startsWith(`${resource.id}.`))
    .map((resource) => rubyNaming.identifier(resource.property, "resource"));
  let level: RubyService[] = buildRubySdk(plan).services;
  let service: RubyService | undefined;
  for (const reader of chain) {
    service = level.find((candidate) => candidate.reader === reader);
    level = service?.children ?? [];
  }
  const rubyMethod = service?.methods.find(
    (candidate) => candidate.name === rubyNaming.identifier(method.name, "method"),
  );
  if (!rubyMethod) throw new Error(`no Ruby method for ${methodId}`);
  const args: Record<string, unknown> = {};
  for (const [wireName, value] of Object.entries(wireArgs)) {
    const param = rubyMethod.params.find((candidate) => candidate.wireName === wireName);
    if (!param) throw new Error(`${methodId} has no param "${wireName}"`);
    args[param.keyword] = value;
  }
  return { path: chain, method: rubyMethod.name, args };
}

/** Runs `ruby -w script` with `input` on stdin, asynchronously (a server in this process can answer it). */
export function runRuby(
  script: string,
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("ruby", ["-w", script]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
