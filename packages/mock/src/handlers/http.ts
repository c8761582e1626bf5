import { createOpenApiHttp } from "openapi-msw";
import type { paths } from "../generated/openapi.gen";

/** msw's `http`, typed from the spec's paths; `*` matches any origin (in-process or 127.0.0.1:PORT). */
export const api = createOpenApiHttp<paths>({ baseUrl: "*/v1" });
