import type { Schemas } from "../../src/store/types";

/** The API's error envelope. */
export type ErrorBody = Schemas["Error"];
