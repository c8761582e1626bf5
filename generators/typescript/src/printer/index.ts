export { CodeWriter } from "./code-writer";
export {
  escapeTemplate,
  isIdentifier,
  literalUnion,
  memberAccess,
  objectLiteral,
  propertyKey,
  quote,
  valueLiteral,
} from "./literals";
