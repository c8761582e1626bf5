import type { SdkPlan } from "@embott/codegen-core";
import { pyLiteral, pyString } from "./names";
import type { TypePrinter } from "./type-printer";

const RUNTIME = ".._runtime";

/** The type `unwrap` returns: the spec's event union, or a union over every event payload, or a dict. */
export function webhookEventType(plan: SdkPlan, printer: TypePrinter): string {
  const union = plan.webhooks?.union;
  if (union && "existing" in union) return printer.reference(union.existing, "model");
  const payloads = (plan.webhooks?.events ?? []).flatMap((event) =>
    event.payload ? [printer.print(event.payload, "model")] : [],
  );
  const unique = [...new Set(payloads)];
  if (unique.length === 0) return "dict[str, object]";
  if (unique.length === 1) return unique[0] ?? "dict[str, object]";
  printer.imports.add("typing", "Union");
  return `Union[${unique.join(", ")}]`;
}

/** `verify`, `unwrap` and `generate_test_header` on the resource that verifies webhooks (the same in both flavours). */
export function renderWebhookHelpers(
  plan: SdkPlan,
  printer: TypePrinter,
  constants: string[],
  _flavour: string,
): string {
  const signature = plan.webhooks?.signature;
  if (!signature) return "";
  const { imports } = printer;
  const event = webhookEventType(plan, printer);
  imports.add(RUNTIME, "SignatureScheme").add(RUNTIME, "SignatureHeaders").add(RUNTIME, "Payload");
  imports.add(RUNTIME, "verify").add(RUNTIME, "unwrap").add(RUNTIME, "generate_test_header");
  imports
    .add(RUNTIME, "SDKError")
    .add("typing", "Optional")
    .add("typing", "Any")
    .add("typing", "Mapping")
    .add("typing", "Union")
    .add("os", "environ");
  const scheme = [
    `    header=${pyString(signature.header)},`,
    `    scheme=${pyString(signature.scheme)},`,
    `    encoding=${pyString(signature.encoding)},`,
    ...(signature.prefix ? [`    prefix=${pyString(signature.prefix)},`] : []),
    ...(signature.tolerance !== undefined ? [`    tolerance=${pyLiteral(signature.tolerance)},`] : []),
  ];
  const constant = `_SIGNATURE = SignatureScheme(\n${scheme.join("\n")}\n)\n`;
  if (!constants.includes(constant)) constants.push(constant);
  const envVar = plan.client.env.webhookSecret ?? `${plan.client.env.prefix}_WEBHOOK_SECRET`;
  // A typed event union also admits events of types added to the API later (`UnknownWebhookEvent`).
  const typed = event !== "dict[str, object]";
  const castEvent = `cast("type[${event}]", ${event})`;
  imports.add("typing", "cast");
  if (typed) imports.add(RUNTIME, "parse_event").add(RUNTIME, "UnknownWebhookEvent");
  else imports.add(RUNTIME, "validate");
  const returns = typed ? `Union[${event}, UnknownWebhookEvent]` : event;
  const parse = `${typed ? "parse_event" : "validate"}(${castEvent}, data)`;
  return `    def verify(
        self,
        payload: Payload,
        headers: SignatureHeaders,
        secret: Optional[str] = None,
        *,
        tolerance: Optional[float] = None,
        now: Optional[float] = None,
    ) -> None:
        """Checks a delivery's \`${signature.header}\` signature against the raw body; raises
        \`InvalidWebhookSignatureError\` (see its \`code\`) when it is not authentic or too old.

        Args:
          payload: the raw request body (bytes or str), exactly as received.
          headers: the request headers (any mapping, case-insensitive) or the header's value.
          secret: the subscription's signing secret; default: \`${envVar}\`.
          tolerance: seconds of clock difference allowed; default ${signature.tolerance ?? 300}.
          now: the current time in unix seconds (a finite number); default: the system clock.

        Raises:
          InvalidWebhookSignatureError: the delivery is not authentic or too old (see its \`code\`).
          ValueError: \`tolerance\` or \`now\` is not a finite number (NaN, infinity, not a number).
        """
        verify(payload, headers, self._secret(secret), scheme=_SIGNATURE, tolerance=tolerance, now=now)

    def unwrap(
        self,
        payload: Payload,
        headers: SignatureHeaders,
        secret: Optional[str] = None,
        *,
        tolerance: Optional[float] = None,
        now: Optional[float] = None,
    ) -> ${returns}:
        """Verifies the delivery like \`verify\` (same \`tolerance\` and \`now\`), then returns the typed event${typed ? " (an\n        `UnknownWebhookEvent` with the raw payload for a `type` this SDK version does not know)" : ""}.

        Raises:
          InvalidWebhookSignatureError: the delivery is not authentic or too old (see its \`code\`).
          ValueError: \`tolerance\` or \`now\` is not a finite number.
        """
        data = unwrap(payload, headers, self._secret(secret), scheme=_SIGNATURE, tolerance=tolerance, now=now)
        return ${parse}

    def generate_test_header(
        self,
        payload: Union[Payload, Mapping[str, Any]],
        secret: Optional[str] = None,
        *,
        timestamp: Optional[int] = None,
    ) -> str:
        """A valid \`${signature.header}\` value for \`payload\`, to test your own webhook handler."""
        return generate_test_header(payload, self._secret(secret), scheme=_SIGNATURE, timestamp=timestamp)

    def _secret(self, secret: Optional[str]) -> str:
        value = secret or environ.get(${pyString(envVar)})
        if not value:
            raise SDKError("No webhook signing secret: pass secret=... or set ${envVar}.")
        return value
`;
}
