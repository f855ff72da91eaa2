import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { FieldViolation } from "../errors/index.js";
import { contractOption } from "./registry.js";
import { checkText, type TextRule } from "../text/index.js";

/** A request message's field rules, ready to apply. */
export interface MessageRules {
  /** The violations of `value`, none when it passes; its text is normalised (NFC) in place. */
  check(value: unknown): FieldViolation[];
}

/** The contract lacks a rule the platform needs; the server refuses to start. */
export class ContractError extends Error {
  constructor(readonly problems: string[]) {
    super(`the contract is incomplete:\n  ${problems.join("\n  ")}`);
    this.name = "ContractError";
  }
}

/** steward.options.v1.FieldRule as the registry reads it. */
interface FieldRule {
  text?: { maxLength: number; prose: boolean };
  maxItems: number;
}

type Check =
  | { kind: "text"; text: TextRule }
  | { kind: "message"; rules: Compiled }
  /** Numbers, booleans and enums: ranges are their handlers' to check; a list of them is counted. */
  | { kind: "count-only" };

interface FieldPlan {
  /** Property of the value holding the field (the oneof's property for a oneof member). */
  key: string;
  /** Set for a oneof member: the `$case` that selects it. */
  oneofCase?: string;
  label: string;
  maxItems?: number;
  /** A map: its entries are counted against maxItems, its string keys held to `keys`. */
  map?: { keys: TextRule | undefined };
  check: Check;
}

interface Compiled {
  fields: FieldPlan[];
}

/** Well-known messages that hold no text; anything else from google.protobuf needs a rule of its own. */
const textless = new Set(["google.protobuf.Timestamp", "google.protobuf.Duration"]);

function ruleOf(field: DescField): FieldRule {
  return contractOption<FieldRule>(field, "steward.options.v1.field");
}

/**
 * The plan of a message's checks, on the decoded request as ts-proto gives it (camelCase
 * properties, a oneof as `{ $case, value }`, a map as an object); violations name the proto
 * fields, as handlers do (`items[1].item_code`).
 */
function compile(desc: DescMessage, memo: Map<string, Compiled>, problems: string[]): Compiled {
  const known = memo.get(desc.typeName);
  if (known) return known;
  const compiled: Compiled = { fields: [] };
  memo.set(desc.typeName, compiled);
  for (const field of desc.fields) {
    const name = `${desc.typeName}.${field.name}`;
    const rule = ruleOf(field);
    const repeated = field.fieldKind === "list" || field.fieldKind === "map";
    if (repeated && !(rule.maxItems > 0)) problems.push(`${name}: a repeated field needs (steward.options.v1.field).max_items`);
    const scalar =
      field.fieldKind === "scalar" || (field.fieldKind === "list" && field.listKind === "scalar") || (field.fieldKind === "map" && field.mapKind === "scalar") ? field.scalar : undefined;
    const message = field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message") || (field.fieldKind === "map" && field.mapKind === "message") ? field.message : undefined;
    const stringKeys = field.fieldKind === "map" && field.mapKey === ScalarType.STRING;
    if (stringKeys && !rule.text) {
      problems.push(`${name}: a map with string keys needs (steward.options.v1.field).text for its keys`);
      continue;
    }
    let check: Check | undefined;
    if (scalar === ScalarType.STRING) {
      if (!rule.text || !(rule.text.maxLength > 0)) {
        problems.push(`${name}: a string field needs (steward.options.v1.field).text.max_length`);
        continue;
      }
      check = { kind: "text", text: { maxLength: rule.text.maxLength, prose: rule.text.prose } };
    } else if (scalar === ScalarType.BYTES) {
      problems.push(`${name}: bytes fields are not supported in requests`);
      continue;
    } else if (message) {
      if (textless.has(message.typeName)) continue;
      if (message.typeName.startsWith("google.protobuf.")) {
        problems.push(`${name}: ${message.typeName} is not supported in requests`);
        continue;
      }
      const nested = compile(message, memo, problems);
      check = { kind: "message", rules: nested };
    }
    if (!check && !repeated) continue;
    const oneof = field.fieldKind === "scalar" || field.fieldKind === "message" || field.fieldKind === "enum" ? field.oneof : undefined;
    compiled.fields.push({
      key: oneof ? oneof.localName : field.localName,
      ...(oneof ? { oneofCase: field.localName } : {}),
      label: field.name,
      ...(repeated ? { maxItems: rule.maxItems } : {}),
      ...(field.fieldKind === "map" ? { map: { keys: stringKeys && rule.text ? { maxLength: rule.text.maxLength, prose: false } : undefined } } : {}),
      check: check ?? { kind: "count-only" },
    });
  }
  return compiled;
}

/** What the contract lacks for this message's rules (every string and repeated field needs one). */
export function missingRules(desc: DescMessage): string[] {
  const problems: string[] = [];
  compile(desc, new Map(), problems);
  return problems;
}

/** Compiles a request message's rules; throws ContractError naming every field that lacks one. */
export function messageRules(desc: DescMessage): MessageRules {
  const problems: string[] = [];
  const compiled = compile(desc, new Map(), problems);
  if (problems.length > 0) throw new ContractError(problems);
  return { check: (value) => checkMessage(compiled, value, "", []) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkMessage(compiled: Compiled, value: unknown, prefix: string, violations: FieldViolation[]): FieldViolation[] {
  if (!isRecord(value)) return violations;
  for (const plan of compiled.fields) {
    const path = `${prefix}${plan.label}`;
    let holder: Record<string, unknown> = value;
    let key = plan.key;
    if (plan.oneofCase !== undefined) {
      const chosen = value[plan.key];
      if (!isRecord(chosen) || chosen.$case !== plan.oneofCase) continue;
      holder = chosen;
      key = "value";
    }
    const current = holder[key];
    if (plan.map) {
      if (!isRecord(current)) continue;
      const entries = Object.entries(current);
      if (entries.length > (plan.maxItems ?? 0)) {
        violations.push({ field: path, description: `holds at most ${plan.maxItems} entries` });
        continue;
      }
      for (const [entryKey, element] of entries) {
        const at = `${path}[${entryKey}]`;
        if (plan.map.keys) {
          const checked = checkText(entryKey, plan.map.keys);
          if (!checked.ok) {
            violations.push({ field: at, description: `key ${checked.problem}` });
            continue;
          }
        }
        checkValue(plan.check, current, entryKey, element, at, violations);
      }
      continue;
    }
    if (plan.maxItems !== undefined) {
      if (!Array.isArray(current)) continue;
      if (current.length > plan.maxItems) {
        violations.push({ field: path, description: `holds at most ${plan.maxItems} entries` });
        continue;
      }
      current.forEach((element, index) => checkValue(plan.check, current, index, element, `${path}[${index}]`, violations));
    } else {
      checkValue(plan.check, holder, key, current, path, violations);
    }
  }
  return violations;
}

function checkValue(check: Check, holder: Record<string, unknown> | unknown[], key: string | number, value: unknown, path: string, violations: FieldViolation[]): void {
  if (check.kind === "count-only") return;
  if (check.kind === "message") {
    checkMessage(check.rules, value, `${path}.`, violations);
    return;
  }
  if (typeof value !== "string") return;
  const result = checkText(value, check.text);
  if (!result.ok) violations.push({ field: path, description: result.problem });
  else if (result.value !== value) (holder as Record<string | number, unknown>)[key] = result.value;
}
