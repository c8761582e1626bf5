import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { CORPUS_DIR, corpusSpecs } from "../../../../testdata/corpus";
import {
  buildIR,
  buildPlan,
  compareSurfaces,
  formatTable,
  loadSpec,
  readSnapshot,
  snapshotFile,
  surfaceFromPlan,
} from "../../src/index";
import { tempDir } from "../helpers/temp";
import { LANGUAGES, levelsByLanguage } from "./helpers";

/**
 * Redocly's Museum API (testdata/corpus) against a second version made by a scripted edit, both through the
 * whole pipeline (load, validate, normalise, IR, surface): the kind of release a maintainer cuts.
 */
function nextVersion(source: string): string {
  // biome-ignore lint/suspicious/noExplicitAny: the spec is untyped YAML
  const doc = parse(readFileSync(source, "utf8")) as any;
  doc.info.version = "1.3.0";
  delete doc.paths["/special-events/{eventId}"].delete; // a method removed
  doc.components.schemas.TicketType.enum.push("vip"); // an enum value added
  doc.components.schemas.MuseumDailyHours.required = ["date", "timeOpen"]; // a response field now optional
  doc.components.parameters.EventId.name = "event_id"; // a path param's wire name re-cased
  for (const [path, item] of Object.entries(doc.paths as Record<string, unknown>))
    if (path.includes("{eventId}")) {
      doc.paths[path.replace("{eventId}", "{event_id}")] = item;
      delete doc.paths[path];
    }
  doc.paths["/museum-hours"].get.parameters.push({ name: "locale", in: "query", schema: { type: "string" } });
  doc.components.schemas.EventName.description = "Public name of the special event."; // docs only
  doc.components.examples.GetSpecialEventResponseExample.value.price = 65; // an example: not the surface
  const file = join(tempDir(), "museum-1.3.0.yaml");
  writeFileSync(file, stringify(doc));
  return file;
}

const surface = async (file: string) => {
  const spec = await loadSpec(file);
  return surfaceFromPlan(buildPlan(buildIR(spec), { document: spec.document }));
};

describe("diff on every corpus spec", () => {
  it.each(corpusSpecs().map((file) => [file.split("/").pop()!, file]))(
    "%s: its stored snapshot reads back and compares equal to a fresh build",
    async (_name, file) => {
      const fresh = await surface(file);
      const dir = tempDir();
      const snapshot = snapshotFile(fresh, "spec.yaml");
      writeFileSync(join(dir, snapshot.path), snapshot.contents);
      const stored = await readSnapshot(dir);
      expect(stored).toEqual(fresh);
      expect(compareSurfaces(stored!, await surface(file), LANGUAGES).changes).toEqual([]);
    },
    60_000,
  );
});

describe("diff on a real spec: Redocly Museum 1.2.1 → a scripted 1.3.0", () => {
  it("classifies each edit per language", async () => {
    const source = join(CORPUS_DIR, "redocly-museum.yaml");
    const before = await surface(source);
    const after = await surface(nextVersion(source));
    const report = compareSurfaces(before, after, LANGUAGES, { base: "1.2.1", head: "1.3.0" });
    const rows = report.changes.map((change) => [
      `${change.path}: ${change.reason}`,
      report.languages.map((language) => change.levels[language]).join(" "),
    ]);
    expect(rows, formatTable(report)).toEqual(EXPECTED);
    expect(levelsByLanguage(report)).toEqual({
      typescript: "breaking",
      python: "breaking",
      php: "breaking",
      ruby: "breaking",
    });
  });
});

describe("diff on our spec: a date-time dropped, a scope added, a second credential required", () => {
  it("judges the format per language and the security for every caller", async () => {
    const source = join(CORPUS_DIR, "../../spec/openapi.yaml");
    // biome-ignore lint/suspicious/noExplicitAny: the spec is untyped YAML
    const doc = parse(readFileSync(source, "utf8")) as any;
    delete doc.components.schemas.Message.properties.created_at.format;
    doc.paths["/bots"].get.security = [{ bearerAuth: ["bots:read", "bots:admin"] }];
    doc.components.securitySchemes.workspaceKey = { type: "apiKey", in: "header", name: "X-Workspace" };
    doc.paths["/leads/{lead_id}/export"].post.security = [{ bearerAuth: ["leads:export"], workspaceKey: [] }];
    const file = join(tempDir(), "openapi.yaml");
    writeFileSync(file, stringify(doc));
    const report = compareSurfaces(await surface(source), await surface(file), LANGUAGES);
    const rows = report.changes.map((change) => [
      `${change.path}: ${change.reason}`,
      report.languages.map((language) => change.levels[language]).join(" "),
      change.detail?.["python"],
    ]);
    expect(rows, formatTable(report)).toEqual([
      [
        "auth/workspaceKey: auth scheme workspaceKey (apiKey in header X-Workspace) added",
        "additive additive additive additive",
        undefined,
      ],
      [
        "methods/bots.list: scopes bots:read → bots:admin, bots:read",
        "breaking breaking breaking breaking",
        undefined,
      ],
      [
        "methods/leads.export: auth bearerAuth [leads:export] → bearerAuth [leads:export] + workspaceKey",
        "breaking breaking breaking breaking",
        undefined,
      ],
      [
        "models/Message/properties/created_at: field created_at: format string(date-time) → string",
        "none breaking none none",
        "datetime → str",
      ],
    ]);
  }, 60_000);
});

const EXPECTED = [
  [
    "methods/events.deleteSpecialEvent: method events.deleteSpecialEvent removed",
    "breaking breaking breaking breaking",
  ],
  // PHP passes params by wire key; the others by the cased words, which did not change
  [
    "methods/events.getSpecialEvent/params/event_id: param eventId renamed to event_id",
    "none none breaking none",
  ],
  [
    "methods/events.updateSpecialEvent/params/event_id: param eventId renamed to event_id",
    "none none breaking none",
  ],
  [
    "methods/operations.listMuseumHours/params/locale: optional param locale added",
    "additive additive additive additive",
  ],
  ["models/EventName: type EventName: docs changed", "none none none none"],
  // a compile / type-check error only where the types are static
  [
    "models/MuseumDailyHours/properties/timeClose: field timeClose: now optional",
    "breaking breaking none none",
  ],
  ['models/TicketType/values/vip: enum value "vip" added', "additive additive additive additive"],
];
