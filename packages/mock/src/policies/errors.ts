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

/** Thrown anywhere inside a request; the pipeline renders it as the spec's error envelope. */
export class ApiError extends Error {
  readonly details: ErrorDetails;

  constructor(details: ErrorDetails) {
    super(details.message);
    this.name = "ApiError";
    this.details = details;
  }
}

export function notFound(kind: string, id: string, param: string): ApiError {
  return new ApiError({
    status: 404,
    type: "not_found_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'.`,
    param,
  });
}

export function invalidRequest(code: string, message: string, param: string | null, status = 400): ApiError {
  return new ApiError({ status, type: "invalid_request_error", code, message, param });
}

export function conflict(code: string, message: string): ApiError {
  return new ApiError({ status: 409, type: "conflict_error", code, message });
}

/** The JSON body every error response carries. */
export function errorBody(details: ErrorDetails, requestId: string) {
  return {
    error: {
      type: details.type,
      code: details.code,
      message: details.message,
      param: details.param ?? null,
      request_id: requestId,
    },
  };
}

export function errorResponse(details: ErrorDetails, requestId: string): Response {
  return Response.json(errorBody(details, requestId), {
    status: details.status,
    headers: { ...details.headers, "X-Request-Id": requestId },
  });
}

/** Reads the thrown value as an API error; anything else becomes a 500 `api_error`. */
export function toErrorDetails(thrown: unknown): ErrorDetails {
  if (thrown instanceof ApiError) return thrown.details;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { status: 500, type: "api_error", code: "internal_error", message: `Mock failure: ${message}` };
}
