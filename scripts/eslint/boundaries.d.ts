// Types for boundaries.js, so TypeScript consumers (the rule tests) type-check
// without enabling allowJs for the whole project.
import type { ESLint, Rule } from "eslint";

/** The local `steward` ESLint plugin with the architectural boundary rules. */
declare const plugin: ESLint.Plugin & {
  rules: Record<"no-cross-service-import" | "pure-domain", Rule.RuleModule>;
};
export default plugin;
