import { http } from "msw";
import type { MockContext } from "../context";
import { ApiError } from "../policies/errors";
import { handleExchange } from "../policies/pipeline";
import { findAllowedMethods } from "../spec/operations";

/** Anything under `/v1` no operation matched: 405 with `Allow` for a known path, else 404. */
export function fallbackHandler(context: MockContext) {
  return http.all("*/v1/*", ({ request }) =>
    handleExchange(context, request, null, () => {
      const path = new URL(request.url).pathname.replace(/^\/v1/, "");
      const allowed = findAllowedMethods(path);
      if (allowed.length === 0) {
        throw new ApiError({
          status: 404,
          code: "route_not_found",
          message: `No route ${request.method} /v1${path}.`,
        });
      }
      throw new ApiError({
        status: 405,
        code: "method_not_allowed",
        message: `${request.method} is not allowed on /v1${path}; use ${allowed.join(", ")}.`,
        headers: { Allow: allowed.join(", ") },
      });
    }),
  );
}
