import { wordsOr } from "../naming/words";
import type { BuildContext } from "./context";
import { HTTP_METHODS } from "./context";
import { deref, isObject, objectAt, pointerJoin } from "./json";
import { mediaKind } from "./operations/media";
import { docsOf } from "./operations/operation";
import type { WebhookEvent } from "./types";

/** Every entry of the 3.1 `webhooks` object: key = event type, JSON request body = payload. */
export function buildWebhooks(context: BuildContext): WebhookEvent[] {
  const webhooks = objectAt(context.document["webhooks"]);
  const events: WebhookEvent[] = [];
  for (const [type, rawItem] of Object.entries(webhooks)) {
    const { node: item, pointer } = deref(context.document, rawItem, pointerJoin("#/webhooks", type));
    const httpMethod = HTTP_METHODS.find((method) => isObject(item[method]));
    if (!httpMethod) continue;
    const operation = objectAt(item[httpMethod]);
    const words = wordsOr(type, ["event"]);
    const body = deref(
      context.document,
      operation["requestBody"],
      pointerJoin(pointer, httpMethod, "requestBody"),
    );
    const content = objectAt(body.node["content"]);
    const mediaType = Object.keys(content).find((candidate) => mediaKind(candidate) === "json");
    const schema = mediaType ? objectAt(content[mediaType])["schema"] : undefined;
    const payloadPointer = pointerJoin(body.pointer, "content", mediaType ?? "", "schema");
    const payload =
      schema === undefined
        ? undefined
        : context.models.typeOf(
            schema,
            payloadPointer,
            context.models.childHint(schema, [...words, "event"]),
          );
    events.push({
      type,
      name: { raw: type, words },
      httpMethod,
      ...(payload ? { payload } : {}),
      docs: docsOf({ operation }),
      deprecated: operation["deprecated"] === true,
    });
  }
  return events.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
