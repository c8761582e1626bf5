import { type Collector, match, sameType, sameWords } from "./collector";
import { compareSecurity } from "./compare-security";
import { type DiffLanguage, methodKey, paramKey } from "./languages";
import type { Level } from "./report";
import type { SurfaceMethod, SurfaceParam } from "./surface";
import type { Position } from "./types-compare";

const resourceOf = (method: SurfaceMethod): string =>
  method.resource.map((segment) => segment.join("_")).join(".");

export function compareMethods(collector: Collector, before: SurfaceMethod[], after: SurfaceMethod[]): void {
  const { pairs, renamed, removed, added } = match(
    before,
    after,
    (method) => method.id,
    (a, b) => a.endpoint === b.endpoint && a.kind === b.kind,
  );
  const resourcesBefore = new Set(before.map(resourceOf));
  const resourcesAfter = new Set(after.map(resourceOf));
  const kept = (resources: Set<string>, side: 0 | 1) => (resource: string) =>
    resources.has(resource) || renamed.some((pair) => resourceOf(pair[side]) === resource);
  methodsGoneOrNew(collector, removed, kept(resourcesAfter, 0), "removed", "breaking");
  methodsGoneOrNew(collector, added, kept(resourcesBefore, 1), "added", "additive");
  for (const [old, now] of renamed) {
    collector.rename(`methods/${now.id}`, `method ${old.id} renamed to ${now.id}`, old, now, methodKey);
    compareMethod(collector, old, now);
  }
  for (const [old, now] of pairs) compareMethod(collector, old, now);
}

/** Methods removed (or added); a whole resource gone (or new) is one change naming its method count. */
function methodsGoneOrNew(
  collector: Collector,
  methods: SurfaceMethod[],
  resourceKept: (resource: string) => boolean,
  verb: "removed" | "added",
  level: Level,
): void {
  const reported = new Set<string>();
  for (const method of methods) {
    const resource = resourceOf(method);
    if (resourceKept(resource)) {
      collector.add(`methods/${method.id}`, `method ${method.id} ${verb}`, level, (language) =>
        methodKey(language, method),
      );
    } else if (!reported.has(resource)) {
      reported.add(resource);
      const count = methods.filter((other) => resourceOf(other) === resource).length;
      collector.add(
        `resources/${resource}`,
        `resource ${resource} ${verb} (${count} method${count === 1 ? "" : "s"})`,
        level,
        (language) => methodKey(language, method).split(".").slice(0, -1).join("."),
      );
    }
  }
}

const RETURN_KINDS: Record<SurfaceMethod["kind"], string> = {
  plain: "a value",
  page: "a page iterator",
  stream: "an event stream",
};

function compareMethod(collector: Collector, old: SurfaceMethod, now: SurfaceMethod): void {
  const path = `methods/${now.id}`;
  const output: Position = { input: false, output: true };
  if (old.kind !== now.kind)
    collector.add(
      path,
      `now returns ${RETURN_KINDS[now.kind]} instead of ${RETURN_KINDS[old.kind]}`,
      "breaking",
    );
  else if (old.pagination !== now.pagination)
    collector.add(
      path,
      `paging style ${old.pagination} → ${now.pagination} (the iterator is unchanged)`,
      "none",
    );
  if (old.kind !== now.kind) {
    // the return type's change is the kind change above
  } else if (old.returnsRaw !== now.returnsRaw)
    collector.add(
      path,
      `returns ${now.returnsRaw ?? "JSON"} instead of ${old.returnsRaw ?? "JSON"}`,
      "breaking",
    );
  else if (old.returns && now.returns) collector.types(path, "return", old.returns, now.returns, output);
  else if (old.returns && !now.returns) collector.add(path, "no longer returns a value", "breaking");
  else if (!old.returns && now.returns) collector.add(path, "now returns a value", "additive");
  compareSecurity(collector, path, old.security, now.security);
  collector.docs(path, "method", old, now);
  compareParams(collector, path, old.params, now.params);
}

function compareParams(
  collector: Collector,
  methodPath: string,
  before: SurfaceParam[],
  after: SurfaceParam[],
): void {
  const input: Position = { input: true, output: false };
  const located = match(
    before,
    after,
    (param) => `${param.location} ${param.wire}`,
    () => false,
  );
  const { pairs, renamed, removed, added } = match(
    located.removed,
    located.added,
    (param) => param.wire,
    (a, b) => sameWords(a.words, b.words) || (a.location === b.location && sameType(a.type, b.type)),
  );
  const paramPath = (param: SurfaceParam) => `${methodPath}/params/${param.wire}`;
  const key = (language: DiffLanguage, param: SurfaceParam) => paramKey(language, param);
  for (const param of removed)
    collector.add(paramPath(param), `param ${param.wire} removed`, "breaking", (l) => key(l, param));
  for (const param of added)
    collector.add(
      paramPath(param),
      param.required ? `required param ${param.wire} added` : `optional param ${param.wire} added`,
      param.required ? "breaking" : "additive",
      (l) => key(l, param),
    );
  for (const [old, now] of renamed)
    collector.rename(paramPath(now), `param ${old.wire} renamed to ${now.wire}`, old, now, key);
  const kept = [...located.pairs, ...pairs, ...renamed];
  pathOrder(collector, methodPath, before, after, kept);
  for (const [old, now] of kept) {
    const path = paramPath(now);
    const subject = `param ${now.wire}`;
    if (old.location !== now.location)
      collector.add(path, `${subject}: sent in ${now.location} instead of ${old.location}`, "none");
    if (!old.required && now.required) collector.add(path, `${subject}: now required`, "breaking");
    if (old.required && !now.required) collector.add(path, `${subject}: now optional`, "additive");
    collector.types(path, subject, old.type, now.type, input);
    collector.docs(path, subject, old, now);
  }
}

/** Path params kept on both sides but in another order: breaks the languages that take them positionally. */
function pathOrder(
  collector: Collector,
  methodPath: string,
  before: SurfaceParam[],
  after: SurfaceParam[],
  kept: [SurfaceParam, SurfaceParam][],
): void {
  const counterpart = new Map(kept.map(([old, now]) => [old, now]));
  const previous = before.filter(
    (param) => param.location === "path" && counterpart.get(param)?.location === "path",
  );
  const moved = previous.map((param) => counterpart.get(param)!);
  const current = after.filter((param) => moved.includes(param));
  if (current.every((param, index) => param === moved[index])) return;
  const names = (params: SurfaceParam[]) => params.map((param) => param.wire).join(", ");
  collector.add(
    methodPath,
    `path params reordered: (${names(previous)}) → (${names(current)})`,
    (language) => (language.exposure.positionalPath ? "breaking" : "none"),
  );
}
