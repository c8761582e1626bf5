export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "idempotency_error"
  | "rate_limit_error"
  | "api_error";

export interface ErrorDetails {
  status: number;
  type: ErrorType;
  code: string;
  message: string;
  param?: string | null;
  headers?: Record<string, string>;
}

/** The error type of a status, in one place for real and injected errors (a few errors override it). */
export function errorTypeFor(status: number): ErrorType {
  const byStatus: Record<number, ErrorType> = {
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    409: "conflict_error",
    429: "rate_limit_error",
  };
  return byStatus[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

/** Error details whose `type` defaults to {@link errorTypeFor} the status. */
export type ErrorInit = Omit<ErrorDetails, "type"> & { type?: ErrorType };

/** Thrown anywhere inside a request; the pipeline renders it as the spec's error envelope. */
export class ApiError extends Error {
  readonly details: ErrorDetails;

  constructor(init: ErrorInit) {
    super(init.message);
    this.name = "ApiError";
    this.details = { ...init, type: init.type ?? errorTypeFor(init.status) };
  }
}

export function notFound(kind: string, id: string, param: string): ApiError {
  return new ApiError({
    status: 404,
    code: "resource_missing",
    message: `No such ${kind}: '${id}'.`,
    param,
  });
}

export function invalidRequest(code: string, message: string, param: string | null, status = 400): ApiError {
  return new ApiError({ status, code, message, param });
}

export function conflict(code: string, message: string): ApiError {
  return new ApiError({ status: 409, code, message });
}

/** The JSON body every error response carries. */
export function errorBody(details: ErrorInit, requestId: string) {
  return {
    error: {
      type: details.type ?? errorTypeFor(details.status),
      code: details.code,
      message: details.message,
      param: details.param ?? null,
      request_id: requestId,
    },
  };
}

export function errorResponse(details: ErrorInit, requestId: string): Response {
  return Response.json(errorBody(details, requestId), {
    status: details.status,
    headers: { ...details.headers, "X-Request-Id": requestId },
  });
}

/** Reads the thrown value as an API error; anything else becomes a 500 `api_error`. */
export function toErrorDetails(thrown: unknown): ErrorDetails {
  if (thrown instanceof ApiError) return thrown.details;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return {
    status: 500,
    type: errorTypeFor(500),
    code: "internal_error",
    message: `Mock failure: ${message}`,
  };
}
