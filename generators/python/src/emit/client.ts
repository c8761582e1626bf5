import { type CredentialPlan, credentialAlternatives, type SdkPlan } from "@embott/codegen-core";
import { docstring } from "./docs";
import { compareNames, Imports } from "./imports";
import { type PythonNames, pyString } from "./names";
import { resourceNames } from "./resources";
import { runtimeErrorNames } from "./runtime-files";

/** One constructor option of the client. */
interface ClientOption {
  name: string;
  type: string;
  /** Passed straight to the runtime's constructor under this keyword (server variables and credentials are not). */
  runtime: boolean;
}

/** The client option holding a credential (`api_key` for the primary scheme, `auth_email`…). */
export function credentialOption(names: PythonNames, credential: CredentialPlan): string {
  return names.id(credential.name, "parameter");
}

/** Security alternatives as a Python tuple of option-name tuples: `(("auth_email", "auth_key"), ("api_key",))`. */
export function alternativesLiteral(names: PythonNames, alternatives: CredentialPlan[][]): string {
  return pyTuple(
    alternatives.map((alternative) => pyTuple(alternative.map((c) => pyString(credentialOption(names, c))))),
  );
}

/** The alternatives the client checks at construction and every method with the same list uses (the plan's). */
export function rootAlternatives(plan: SdkPlan): CredentialPlan[][] {
  return credentialAlternatives(plan.client.auth, plan.client.auth.defaultSecurity);
}

/** A Python tuple literal (`()`, `(a,)`, `(a, b)`). */
export function pyTuple(items: string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/** `_client.py`: the sync and async clients, their options and resource accessors. */
export function renderClientModule(plan: SdkPlan, names: PythonNames, header: string): string {
  const imports = new Imports();
  imports.add("__future__", "annotations");
  const clientName = names.type(plan.client.name);
  const server = plan.client.servers[0];
  const variables = server?.variables ?? [];
  imports.add("typing", "Optional").add("typing", "Mapping").add("typing", "Union").add("typing", "Any");
  if (plan.resources.length > 0) imports.add("functools", "cached_property").add("typing", "TYPE_CHECKING");
  imports.add("._runtime", "ClientInfo").add("._runtime", "SyncAPIClient").add("._runtime", "AsyncAPIClient");
  imports
    .add("._runtime", "NotGiven")
    .add("._runtime", "NOT_GIVEN")
    .add("._runtime", "Timeout")
    .add("._runtime", "client_options");
  imports.add("._version", "__version__");
  const variableOptions: ClientOption[] = variables.map((variable) => {
    const name = names.param(variable.name);
    let type = "str";
    if (variable.enum && variable.enum.length > 0) {
      imports.add("typing", "Literal");
      type = `Literal[${variable.enum.map(pyString).join(", ")}]`;
    }
    return { name, type, runtime: false };
  });
  const credentials = plan.client.auth.credentials.map((credential) => credentialOption(names, credential));
  const options = (flavour: "sync" | "async"): ClientOption[] => [
    ...credentials.map((name) => ({ name, type: "str", runtime: false })),
    { name: "base_url", type: "str", runtime: true },
    ...variableOptions,
    { name: "timeout", type: "Timeout", runtime: true },
    { name: "max_retries", type: "int", runtime: true },
    { name: "max_retry_after", type: "float", runtime: true },
    { name: "default_headers", type: "Mapping[str, str]", runtime: true },
    { name: "http_client", type: flavour === "sync" ? "httpx.Client" : "httpx.AsyncClient", runtime: true },
  ];
  const info = [
    `    package=${pyString(names.module([plan.sdk.packageName]))},`,
    "    version=__version__,",
    `    base_url_env=${pyString(plan.client.env.baseUrl)},`,
    `    log_env=${pyString(plan.client.env.log)},`,
    `    default_base_url=${pyString(plan.client.defaultBaseUrl)},`,
    ...credentialInfo(plan, names, imports),
    ...(plan.client.headers.idempotencyKey.toLowerCase() !== "idempotency-key"
      ? [`    idempotency_header=${pyString(plan.client.headers.idempotencyKey)},`]
      : []),
    `    request_id_header=${pyString(plan.client.headers.requestId)},`,
    ...envelopeInfo(plan, imports),
    `    retry_statuses=frozenset({${plan.client.retry.statuses.join(", ")}}),`,
    `    min_server_error_status=${plan.client.retry.minServerErrorStatus},`,
    `    default_max_retries=${plan.client.retry.maxRetries},`,
  ];
  const serverFunction =
    variables.length > 0 && server
      ? `\n\ndef _server_url(${variableOptions.map((option) => `${option.name}: Optional[str]`).join(", ")}) -> str:\n    """The default base URL with the server variables filled in."""\n    return ${variables.reduce(
          (expression, variable, index) =>
            `${expression}.replace(${pyString(`{${variable.placeholder}}`)}, ${variableOptions[index]?.name ?? "x"} or ${pyString(variable.default)})`,
          pyString(server.url),
        )}\n`
      : "";
  const typeChecking = new Imports();
  const classes = (["sync", "async"] as const).map((flavour) => {
    const className = flavour === "sync" ? clientName : `Async${clientName}`;
    const base = flavour === "sync" ? "SyncAPIClient" : "AsyncAPIClient";
    imports.add("httpx", "Client"); // placeholder, replaced below
    const own = options(flavour);
    const signature = own
      .map((option) => `        ${option.name}: Optional[${option.type}] = None,`)
      .join("\n");
    const runtimeArgs = [
      ...(credentials.length > 0
        ? [`            credentials={${credentials.map((name) => `${pyString(name)}: ${name}`).join(", ")}},`]
        : []),
      ...own.filter((option) => option.runtime).map((option) => `            ${option.name}=${option.name},`),
    ].join("\n");
    const defaultBase =
      variables.length > 0
        ? `            default_base_url=_server_url(${variableOptions.map((option) => option.name).join(", ")}),\n`
        : "";
    const withOptions = own
      .map((option) => `        ${option.name}: Union[${option.type}, NotGiven, None] = NOT_GIVEN,`)
      .join("\n");
    const accessors = plan.resources
      .map((resource) => {
        const resourceClass = resourceNames(resource, names);
        const target = flavour === "sync" ? resourceClass.sync : resourceClass.async;
        typeChecking.add(`.resources.${resourceClass.module}`, target);
        const docs = docstring(resource.description?.split("\n\n")[0], "        ");
        return `    @cached_property\n    def ${names.id(resource.property, "resource")}(self) -> ${target}:\n${docs}        from .resources.${resourceClass.module} import ${target}\n\n        return ${target}(self)\n`;
      })
      .join("\n");
    const docs = docstring(clientDocs(plan, names), "    ");
    return `

class ${className}(${base}):
${docs}
    def __init__(
        self,
        *,
${signature}
    ) -> None:
        self._options: dict[str, Any] = client_options(
${own.map((option) => `            ${option.name}=${option.name},`).join("\n")}
        )
        super().__init__(
            _INFO,
${runtimeArgs}
${defaultBase}        )

    def with_options(
        self,
        *,
${withOptions}
    ) -> ${className}:
        """A copy of this client with the given options changed (the others are kept)."""
        changes = client_options(
${own.map((option) => `            ${option.name}=${option.name},`).join("\n")}
        )
        return ${className}(**{**self._options, **changes})
${accessors ? `\n${accessors}` : ""}`;
  });
  const importText = imports.print().replace(/^from httpx import Client\n?/m, "import httpx\n");
  const checking = typeChecking.empty ? "" : `\nif TYPE_CHECKING:\n${typeChecking.print("    ")}\n`;
  const all = `__all__ = [${[`Async${clientName}`, clientName].map(pyString).join(", ")}]`;
  const blocks = [`_INFO = ClientInfo(\n${info.join("\n")}\n)`, serverFunction, ...classes]
    .map((block) => block.trim())
    .filter((block) => block !== "");
  return `${header}\n${importText}\n${checking}\n${all}\n\n${blocks.join("\n\n\n")}\n`;
}

/**
 * The client's docstring: the plan's, with its credentials sentence replaced by the options this client really
 * has (none, one, or alternatives of several), each with its environment variable.
 */
function clientDocs(plan: SdkPlan, names: PythonNames): string {
  const { credentials } = plan.client.auth;
  const root = rootAlternatives(plan);
  const option = (credential: CredentialPlan) => `\`${credentialOption(names, credential)}\``;
  if (credentials.length === 1 && root.length === 1 && root[0]?.length === 1) return plan.client.docs;
  const base = `The base URL defaults to \`${plan.client.env.baseUrl}\`.`;
  let sentence = `The API takes no credentials. ${base}`;
  if (credentials.length > 0) {
    const choices = root.map((alternative) => alternative.map(option).join(" and ")).join(", or ");
    const which = root.length > 0 ? `pass ${choices}` : "for the operations that need them";
    const each = credentials.map((credential) => `  ${option(credential)}: \`${credential.env}\``);
    sentence = [`Credentials (${which}), each defaulting to an environment variable:`, ...each, base].join(
      "\n",
    );
  }
  const paragraphs = plan.client.docs
    .split("\n\n")
    .filter((paragraph) => !/^The API key defaults to/.test(paragraph));
  return [...paragraphs, sentence].join("\n\n");
}

/** The `ClientInfo` lines of the credential options and the API's own security alternatives. */
function credentialInfo(plan: SdkPlan, names: PythonNames, imports: Imports): string[] {
  const { auth } = plan.client;
  if (auth.credentials.length === 0) return [];
  imports.add("._runtime", "Credential");
  const credentials = auth.credentials.map((credential) => {
    const scheme = auth.schemes.find((candidate) => candidate.id === credential.scheme);
    const placement = scheme?.placement ?? "bearer";
    const args = [credentialOption(names, credential), credential.env, placement];
    if (placement === "header" || placement === "query" || placement === "cookie")
      args.push(scheme?.parameterName ?? "");
    return `Credential(${args.map(pyString).join(", ")})`;
  });
  const root = rootAlternatives(plan);
  return [
    `    credentials=${pyTuple(credentials)},`,
    ...(root.length > 0 ? [`    security=${alternativesLiteral(names, root)},`] : []),
  ];
}

/** The `ClientInfo` line telling the runtime where the error body's fields are (none without an envelope). */
function envelopeInfo(plan: SdkPlan, imports: Imports): string[] {
  const envelope = plan.client.errorEnvelope;
  if (!envelope) return [];
  imports.add("._runtime", "ErrorEnvelope");
  const fields = (
    [
      ["message", envelope.message],
      ["code", envelope.code],
      ["type", envelope.type],
      ["param", envelope.param],
      ["request_id", envelope.requestId],
    ] as const
  )
    .filter(([, path]) => path && path.length > 0)
    .map(([field, path]) => `${field}=${pyTuple((path ?? []).map(pyString))}`);
  return [`    error_envelope=ErrorEnvelope(${fields.join(", ")}),`];
}

/** `__init__.py`: the client classes, errors, pagination and streaming types, `NOT_GIVEN`, `types`. */
export function renderPackageInit(plan: SdkPlan, names: PythonNames, header: string): string {
  const clientName = names.type(plan.client.name);
  const errors = runtimeErrorNames();
  const runtime = [
    "NOT_GIVEN",
    "APIResponse",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncStream",
    "NotGiven",
    "SyncPage",
    "SyncStream",
    ...(plan.webhooks?.signature ? ["UnknownWebhookEvent"] : []),
    ...errors,
  ];
  const exported = [
    clientName,
    `Async${clientName}`,
    `${clientName}Error`,
    "__version__",
    "types",
    ...runtime,
  ];
  const imports = new Imports();
  imports.add("typing", "TYPE_CHECKING");
  imports.add("._client", clientName).add("._client", `Async${clientName}`);
  for (const name of runtime) imports.add("._runtime", name);
  imports.add("._version", "__version__");
  const rootError = `from ._runtime import SDKError as ${clientName}Error`;
  const sortedAll = sortAll(exported);
  const lazyTypes = `if TYPE_CHECKING:\n    from . import types\n\n\ndef __getattr__(name: str) -> object:\n    # The models load on first use of \`${names.module([plan.sdk.packageName.replace(/[^A-Za-z0-9]+/g, "_").toLowerCase()])}.types\`, which keeps \`import\` fast.\n    if name == "types":\n        import importlib\n\n        return importlib.import_module(".types", __name__)\n    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")`;
  return `${header}\n"""${docstringSafe(plan.info.title)} SDK for Python."""\n\n${imports.print().replace(/^(from \._version import)/m, `${rootError}\n$1`)}\n\n${lazyTypes}\n\n\n__all__ = [\n${sortedAll.map((name) => `    ${pyString(name)},\n`).join("")}]\n`;
}

function docstringSafe(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, "'");
}

/** `__all__` in ruff's RUF022 order (isort-style: SCREAMING_CASE, CamelCase, then the rest). */
export function sortAll(names: string[]): string[] {
  const rank = (name: string) =>
    name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name) ? 0 : /^[A-Z]/.test(name) ? 1 : 2;
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `__all__` exploded one name per line (ruff keeps it so), or `[]`. */
export function renderAll(names: string[]): string {
  const sorted = sortAll(names);
  return sorted.length === 0
    ? "__all__ = []"
    : `__all__ = [\n${sorted.map((name) => `    ${pyString(name)},\n`).join("")}]`;
}

/** A module body: docstring, imports (when any) and `__all__`. */
export function initModule(header: string, doc: string, imports: string, names: string[]): string {
  return `${header}"""${doc}"""\n\n${imports ? `${imports}\n\n` : ""}${renderAll(names)}\n`;
}

/** Names of one `from … import` in isort's order. */
export function sortImported(names: string[]): string[] {
  return [...new Set(names)].sort(compareNames);
}
