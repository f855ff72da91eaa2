export { contractRegistry, contractMethod, contractServices, contractOption } from "./registry.js";
export { messageRules, missingRules, ContractError, type MessageRules, type Naming } from "./field-rules.js";
export { checkText, type TextRule, type TextCheck } from "./text.js";
export { undecodableFields } from "./decode.js";
export { httpBindings, matchBinding, type HttpBinding } from "./http-bindings.js";
