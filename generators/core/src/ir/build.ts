import type { LoadedSpec } from "../load/load-spec";
import type { BuildContext } from "./context";
import { buildInfo, buildSdkMeta, buildServers, buildWebhookSignature } from "./info";
import { ModelBuilder } from "./models/model-builder";
import { assignModelNames } from "./models/model-names";
import { collectOperations } from "./operations/collect";
import { buildOperationDrafts } from "./operations/operation";
import { buildResources } from "./resources";
import { buildAuthSchemes, readSecurity } from "./security";
import { type IR, IR_VERSION } from "./types";
import { buildWebhooks } from "./webhooks";

/** Build the IR from a loaded (validated, normalised) spec. Pure: same spec in, same IR out. */
export function buildIR(spec: Pick<LoadedSpec, "file" | "openapi" | "sha256" | "document">): IR {
  const { document } = spec;
  const context: BuildContext = {
    document,
    models: new ModelBuilder(document),
    rootSecurity: readSecurity(document["security"]),
  };
  context.models.addComponents();
  const drafts = collectOperations(document).flatMap((operation) => buildOperationDrafts(context, operation));
  const resources = buildResources(document, drafts);
  const webhooks = buildWebhooks(context);
  const models = context.models.allModels();
  assignModelNames(models);
  const info = buildInfo(document);
  const sdk = buildSdkMeta(document, info);
  const webhookSignature = buildWebhookSignature(document);
  const operations = resources.flatMap((resource) => resource.operations);
  return {
    irVersion: IR_VERSION,
    source: { file: spec.file, openapi: spec.openapi, sha256: spec.sha256 },
    info,
    sdk,
    servers: buildServers(document),
    auth: buildAuthSchemes(document, [
      context.rootSecurity,
      ...operations.map((operation) => operation.security),
    ]),
    security: context.rootSecurity,
    resources,
    models,
    webhooks,
    ...(webhookSignature ? { webhookSignature } : {}),
  };
}
