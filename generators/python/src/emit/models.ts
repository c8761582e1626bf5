import type {
  FieldPlan,
  MethodPlan,
  ModelPlan,
  ObjectModelPlan,
  SdkPlan,
  TypeRef,
  UnionModelPlan,
} from "@embott/codegen-core";
import { allResources } from "@embott/codegen-core";
import { docstring } from "./docs";
import { Imports } from "./imports";
import { pyString } from "./names";
import { type ModelLocator, modelDependencies, referencedIds, TypePrinter } from "./type-printer";

const PYTHON_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** One `types/<module>.py`: a group of models that belong together. */
export interface ModelModule {
  name: string;
  ids: string[];
}

/** Words that say what kind of thing a model is, not what it is about. */
const GENERIC_WORDS = new Set([
  "event",
  "events",
  "request",
  "response",
  "list",
  "status",
  "type",
  "params",
  "details",
  "detail",
  "point",
  "data",
  "item",
  "items",
  "create",
  "created",
  "update",
  "updated",
  "delete",
  "deleted",
  "get",
  "send",
]);

/**
 * Models grouped by their subject: the word of their name most model names share (`Bot`, `BotList`,
 * `CreateBotRequest`, `DeletedBot` → `types/bot.py`); groups that import each other are merged so no two
 * modules import each other.
 */
export function groupModels(plan: SdkPlan, locator: ModelLocator): ModelModule[] {
  // Each word scores 2 per model name it starts and 1 per other name it is in, so nouns beat verbs and adjectives.
  const frequency = new Map<string, number>();
  for (const model of plan.models)
    for (const [position, word] of [...new Set(model.name)].entries())
      frequency.set(word, (frequency.get(word) ?? 0) + (position === 0 ? 2 : 1));
  const subject = (words: string[]): string => {
    let best = words[0] ?? "model";
    let bestCount = -1;
    for (const word of words) {
      const count = GENERIC_WORDS.has(word) ? 0 : (frequency.get(word) ?? 0);
      if (count >= bestCount) {
        best = word;
        bestCount = count;
      }
    }
    return best;
  };
  const groups = new Map<string, string[]>();
  for (const model of plan.models) {
    const key = locator.names.module([subject(model.name)]);
    groups.set(key, [...(groups.get(key) ?? []), model.id]);
  }
  const groupOf = new Map<string, string>();
  for (const [key, ids] of groups) for (const id of ids) groupOf.set(id, key);
  const edges = new Map<string, Set<string>>();
  for (const [key, ids] of groups) {
    const targets = new Set<string>();
    for (const id of ids)
      for (const dependency of modelDependencies(locator.model(id))) {
        const target = groupOf.get(dependency);
        if (target !== undefined && target !== key) targets.add(target);
      }
    edges.set(key, targets);
  }
  const modules: ModelModule[] = [];
  for (const component of stronglyConnected([...groups.keys()].sort(), edges)) {
    const name = [...component].sort()[0] ?? "models";
    const ids = component.flatMap((key) => groups.get(key) ?? []);
    modules.push({ name, ids });
  }
  for (const module of modules) for (const id of module.ids) locator.setModule(id, module.name);
  return modules.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Tarjan's strongly connected components, each as a list of nodes. */
function stronglyConnected(nodes: string[], edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

/** Marks the models the request side needs as TypedDicts (objects, and unions/aliases reaching one). */
export function markParamModels(plan: SdkPlan, locator: ModelLocator): void {
  const reachable = new Set<string>();
  const visit = (id: string): void => {
    if (reachable.has(id)) return;
    reachable.add(id);
    for (const dependency of modelDependencies(locator.model(id))) visit(dependency);
  };
  const methods: MethodPlan[] = allResources(plan).flatMap((resource) => resource.methods);
  for (const method of methods)
    for (const param of method.params) for (const id of referencedIds(param.type)) visit(id);
  const needs = (id: string, seen: Set<string>): boolean => {
    const model = locator.model(id);
    if (model.kind === "object") return true;
    if (model.kind === "enum" || seen.has(id)) return false;
    seen.add(id);
    return modelDependencies(model).some((dependency) => needs(dependency, seen));
  };
  for (const id of reachable) if (needs(id, new Set())) locator.markParam(id);
}

/** The source of one types module. */
export function renderModelModule(module: ModelModule, locator: ModelLocator, header: string): string {
  const imports = new Imports();
  imports.add("__future__", "annotations");
  const printer = new TypePrinter(locator, ".", ".._runtime", imports, module.name);
  const exported: string[] = [];
  const blocks: string[] = [];
  const recursive = recursiveAliases(module.ids, locator);
  for (const id of orderForDefinition(module.ids, locator)) {
    const model = locator.model(id);
    printer.quoted = recursive.has(id) ? recursive : new Set();
    blocks.push(renderModel(model, printer, imports));
    exported.push(locator.className(id));
    if (locator.hasParam(id)) {
      blocks.push(renderParam(model, printer, imports));
      exported.push(locator.paramName(id));
    }
  }
  const all = `__all__ = [${exported
    .sort()
    .map((name) => pyString(name))
    .join(", ")}]`;
  const allBlock =
    all.length <= 120 ? all : `__all__ = [\n${exported.map((name) => `    ${pyString(name)},\n`).join("")}]`;
  return `${header}\n${imports.print()}\n\n${allBlock}\n\n\n${blocks.join("\n\n")}`;
}

/** Non-object models of the module that reach themselves through other non-object models (recursive aliases). */
function recursiveAliases(ids: string[], locator: ModelLocator): Set<string> {
  const inModule = new Set(ids.filter((id) => locator.model(id).kind !== "object"));
  const recursive = new Set<string>();
  for (const start of inModule) {
    const seen = new Set<string>();
    const stack = [...modelDependencies(locator.model(start))];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (id === start) {
        recursive.add(start);
        break;
      }
      if (seen.has(id) || !inModule.has(id)) continue;
      seen.add(id);
      stack.push(...modelDependencies(locator.model(id)));
    }
  }
  return recursive;
}

/** Aliases are evaluated at import time, so whatever they name is defined first; classes keep plan order. */
function orderForDefinition(ids: string[], locator: ModelLocator): string[] {
  const inModule = new Set(ids);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (id: string, path: Set<string>): void => {
    if (placed.has(id) || path.has(id)) return;
    path.add(id);
    const model = locator.model(id);
    if (model.kind !== "object")
      for (const dependency of modelDependencies(model))
        if (inModule.has(dependency)) place(dependency, path);
    placed.add(id);
    ordered.push(id);
  };
  for (const id of ids) place(id, new Set());
  return ordered;
}

function renderModel(model: ModelPlan, printer: TypePrinter, imports: Imports): string {
  const name = printer.locator.className(model.id);
  const docs = docstring(model.docs, "");
  switch (model.kind) {
    case "object":
      return renderObject(model, name, printer, imports);
    case "enum": {
      const literal = model.values.every(
        (entry) => typeof entry.value !== "number" || Number.isInteger(entry.value),
      );
      const values = model.values.map((entry) => literalOf(entry.value)).join(", ");
      const open = model.valueType === "boolean" ? "" : pythonScalar(model.valueType);
      let type = !literal ? open : open ? `Union[Literal[${values}], ${open}]` : `Literal[${values}]`;
      if (literal) imports.add("typing", "Literal");
      if (literal && open) imports.add("typing", "Union");
      if (model.nullable) {
        imports.add("typing", "Optional");
        type = `Optional[${type}]`;
      }
      return aliasBlock(name, type, docs, imports);
    }
    case "union":
      return aliasBlock(name, unionType(model, printer, imports, "model"), docs, imports);
    case "alias":
      return aliasBlock(name, printer.print(model.type, "model"), docs, imports);
  }
}

function renderParam(model: ModelPlan, printer: TypePrinter, imports: Imports): string {
  const name = printer.locator.paramName(model.id);
  const docs = docstring(model.docs, "");
  if (model.kind === "object") return renderTypedDict(model, name, printer, imports);
  if (model.kind === "union")
    return aliasBlock(name, unionType(model, printer, imports, "param"), docs, imports);
  if (model.kind === "alias") return aliasBlock(name, printer.print(model.type, "param"), docs, imports);
  return "";
}

function aliasBlock(name: string, type: string, docs: string, imports: Imports): string {
  imports.add("typing_extensions", "TypeAlias");
  const line = `${name}: TypeAlias = ${type}`;
  return `${line}\n${docs}`;
}

function unionType(
  model: UnionModelPlan,
  printer: TypePrinter,
  imports: Imports,
  mode: "model" | "param",
): string {
  const variants = [...new Set(model.variants.map((variant) => printer.print(variant, mode)))];
  let type = variants.length === 1 ? (variants[0] ?? "object") : `Union[${variants.join(", ")}]`;
  if (variants.length > 1) imports.add("typing", "Union");
  if (mode === "model" && variants.length > 1 && discriminated(model, printer)) {
    imports.add("typing_extensions", "Annotated");
    imports.add("pydantic", "Field");
    type = `Annotated[${type}, Field(discriminator=${pyString(model.discriminator?.property ?? "")})]`;
  }
  if (model.nullable) {
    imports.add("typing", "Optional");
    type = `Optional[${type}]`;
  }
  return type;
}

/** Pydantic can dispatch on the discriminator when every variant is an object whose field is a literal. */
function discriminated(model: UnionModelPlan, printer: TypePrinter): boolean {
  const property = model.discriminator?.property;
  if (!property) return false;
  return model.variants.every((variant) => {
    if (variant.kind !== "ref" || variant.nullable) return false;
    const target = printer.locator.model(variant.id);
    if (target.kind !== "object") return false;
    const field = target.fields.find((candidate) => candidate.wireName === property);
    return field?.required === true && field.type.kind === "literal" && !field.type.nullable;
  });
}

function renderObject(model: ObjectModelPlan, name: string, printer: TypePrinter, imports: Imports): string {
  imports.add(printer.runtimeModule, "BaseModel");
  const lines: string[] = [`class ${name}(BaseModel):`];
  const docs = docstring(model.docs, "    ");
  if (docs) lines.push(docs.trimEnd(), "");
  const fields = model.fields.filter((field) => !field.writeOnly);
  if (fields.length === 0) lines.push(docs ? "" : "    pass");
  for (const field of fields) lines.push(...renderField(field, printer, imports));
  while (lines[lines.length - 1] === "") lines.pop();
  return `${lines.join("\n")}\n`;
}

function renderField(field: FieldPlan, printer: TypePrinter, imports: Imports): string[] {
  const pythonName = printer.locator.names.field(field.name);
  let type = printer.print(field.type, "model");
  const optional = !field.required;
  if ((optional || field.nullable) && !type.startsWith("Optional[") && type !== "None" && type !== "Any") {
    imports.add("typing", "Optional");
    type = `Optional[${type}]`;
  }
  const aliased = pythonName !== field.wireName;
  let declaration = `    ${pythonName}: ${type}`;
  if (aliased) {
    imports.add("pydantic", "Field");
    declaration += optional
      ? ` = Field(default=None, alias=${pyString(field.wireName)})`
      : ` = Field(alias=${pyString(field.wireName)})`;
  } else if (optional) {
    declaration += " = None";
  }
  const docs = docstring(field.docs, "    ");
  return docs ? [declaration, docs.trimEnd(), ""] : [declaration, ""];
}

function renderTypedDict(
  model: ObjectModelPlan,
  name: string,
  printer: TypePrinter,
  imports: Imports,
): string {
  imports.add("typing_extensions", "TypedDict");
  const fields = model.fields.filter((field) => !field.readOnly);
  const entries = fields.map((field) => {
    let type = printer.print(field.type, "param");
    if (field.nullable && !type.startsWith("Optional[") && type !== "None" && type !== "object") {
      imports.add("typing", "Optional");
      type = `Optional[${type}]`;
    }
    if (field.required) {
      imports.add("typing_extensions", "Required");
      type = `Required[${type}]`;
    }
    return { field, type };
  });
  const identifiers = fields.every(
    (field) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(field.wireName) && !PYTHON_KEYWORDS.has(field.wireName),
  );
  const docs = docstring(model.docs, identifiers ? "    " : "");
  if (!identifiers) {
    const body = entries.map(({ field, type }) => `        ${pyString(field.wireName)}: ${type},\n`).join("");
    return `${name} = TypedDict(\n    ${pyString(name)},\n    {\n${body}    },\n    total=False,\n)\n${docs}`;
  }
  const lines = [`class ${name}(TypedDict, total=False):`];
  if (docs) lines.push(docs.trimEnd(), "");
  if (entries.length === 0) lines.push(docs ? "" : "    pass");
  for (const { field, type } of entries) {
    lines.push(`    ${field.wireName}: ${type}`);
    const fieldDocs = docstring(field.docs, "    ");
    if (fieldDocs) lines.push(fieldDocs.trimEnd());
    lines.push("");
  }
  while (lines[lines.length - 1] === "") lines.pop();
  return `${lines.join("\n")}\n`;
}

function literalOf(value: string | number | boolean): string {
  if (typeof value === "string") return pyString(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

function pythonScalar(type: string): string {
  return type === "integer" ? "int" : type === "number" ? "float" : "str";
}

/** Re-exported for the resources printer: the Python type of a param. */
export function paramType(ref: TypeRef, printer: TypePrinter): string {
  return printer.print(ref, "param");
}
