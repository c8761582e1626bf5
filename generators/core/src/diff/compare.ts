import { Collector, match, sameShape } from "./collector";
import { compareMethods } from "./compare-methods";
import { compareModels } from "./compare-models";
import type { DiffLanguage } from "./languages";
import { positionsOf } from "./positions";
import type { DiffReport } from "./report";
import type { ApiSurface, SurfaceAuth, SurfaceWebhook } from "./surface";
import type { Position } from "./types-compare";

/** Compare two surfaces and classify every change for each language. */
export function compareSurfaces(
  base: ApiSurface,
  head: ApiSurface,
  languages: readonly DiffLanguage[],
  labels: { base: string; head: string } = { base: base.source.file, head: head.source.file },
): DiffReport {
  const models = match(base.models, head.models, (model) => model.key, sameShape);
  const collector = new Collector(languages, new Map(models.renamed.map(([old, now]) => [old.key, now.key])));
  const positions = positionsOf(base, head);
  compareAuth(collector, base.auth, head.auth);
  compareMethods(collector, base.methods, head.methods);
  compareModels(collector, models, positions);
  compareWebhooks(collector, base.webhooks, head.webhooks);
  return {
    base: labels.base,
    head: labels.head,
    languages: languages.map((language) => language.language),
    changes: collector.changes.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

function compareAuth(collector: Collector, before: SurfaceAuth[], after: SurfaceAuth[]): void {
  const describe = (scheme: SurfaceAuth) =>
    [scheme.kind, scheme.in ? `in ${scheme.in}` : "", scheme.name ?? ""].filter(Boolean).join(" ");
  const { pairs, removed, added } = match(
    before,
    after,
    (scheme) => scheme.id,
    () => false,
  );
  for (const scheme of removed)
    collector.add(`auth/${scheme.id}`, `auth scheme ${scheme.id} (${describe(scheme)}) removed`, "breaking");
  for (const scheme of added)
    collector.add(`auth/${scheme.id}`, `auth scheme ${scheme.id} (${describe(scheme)}) added`, "additive");
  for (const [old, now] of pairs)
    if (describe(old) !== describe(now))
      collector.add(`auth/${now.id}`, `auth ${now.id}: ${describe(old)} → ${describe(now)}`, "breaking");
}

function compareWebhooks(collector: Collector, before: SurfaceWebhook[], after: SurfaceWebhook[]): void {
  const { pairs, removed, added } = match(
    before,
    after,
    (event) => event.type,
    () => false,
  );
  const output: Position = { input: false, output: true };
  for (const event of removed)
    collector.add(`webhooks/${event.type}`, `webhook event ${event.type} removed`, "breaking");
  for (const event of added)
    collector.add(`webhooks/${event.type}`, `webhook event ${event.type} added`, "additive");
  for (const [old, now] of pairs) {
    const path = `webhooks/${now.type}`;
    if (old.payload && now.payload) collector.types(path, "payload", old.payload, now.payload, output);
    else if (old.payload && !now.payload) collector.add(path, "payload no longer typed", "breaking");
    else if (!old.payload && now.payload) collector.add(path, "payload now typed", "additive");
    collector.docs(path, `event ${now.type}`, old, now);
  }
}
