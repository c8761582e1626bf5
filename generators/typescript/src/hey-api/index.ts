export { dropUnusedTypes, exportedTypeNames, postProcessTypes } from "./post-process";
export { HeyApiError, type HeyApiTypes, runHeyApiTypes } from "./run-hey-api";
export {
  buildSymbolTable,
  type HeyApiSymbolTable,
  type OperationTypeNames,
  operationKey,
} from "./symbol-table";
