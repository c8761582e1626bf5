import { getResponse, http, type RequestHandler } from "msw";

/** HEAD answers wherever GET does (API and control endpoints): the GET response's status and headers, no body. */
export function headHandler(routes: readonly RequestHandler[]): RequestHandler {
  return http.head("*", async ({ request }) => {
    const get = new Request(request.url, { method: "GET", headers: request.headers, signal: request.signal });
    const response = await getResponse([...routes], get);
    if (!response || response.type === "error") return response;
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  });
}
