export { contractRegistry, contractMethod, contractServices, contractOption } from "./registry.js";
export { messageRules, missingRules, ContractError, type MessageRules } from "./field-rules.js";
export { undecodableFields } from "./decode.js";
