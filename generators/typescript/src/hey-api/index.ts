export { heyApiDocument } from "./input-document";
export { keepDeclarations, postProcessTypes } from "./post-process";
export { HeyApiError, type HeyApiTypes, runHeyApiTypes } from "./run-hey-api";
