import type { MockContext } from "../context";
import { errorResponse, toErrorDetails } from "../policies/errors";

export const CONTROL_PREFIX = "/__mock";

type Params = Record<string, string | readonly string[] | undefined>;
type ControlResolver = (request: Request, params: Params) => Promise<Response> | Response;

/** Control endpoints need no API key, are never faulted or logged, and answer errors in the API envelope. */
export function control(context: MockContext, resolver: ControlResolver) {
  return async ({ request, params }: { request: Request; params: Params }) => {
    try {
      return await resolver(request, params);
    } catch (thrown) {
      return errorResponse(toErrorDetails(thrown), context.requestIds.next());
    }
  };
}
