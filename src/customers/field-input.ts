import { DomainError } from "../errors.ts";
import {
  checkField, CUSTOMER_FIELDS, EXTRA_KEYS, findFieldKey, isCustomerField,
  type CustomerField,
} from "../domain/customer-fields.ts";
import type { Messages } from "../i18n/messages.ts";

export interface FieldInput {
  /** Values to set; `null` clears a field (`email=`). The company can be changed, never cleared. */
  fields: Partial<Record<Exclude<CustomerField, "company">, string | null>> & { company?: string };
  stage?: string;
  grade?: string;
  man?: { money: boolean; authority: boolean; need: boolean };
  /** The call log typed with `add`, recorded as a call. */
  callLog?: string;
  force: boolean;
}

const YES = new Set(["yes", "y", "true", "1", "是", "确定"]);
const NO = new Set(["", "no", "n", "false", "0", "否"]);

/** `yes`/`是` or `no`/`否` (force=…); anything else is not read as either. */
export function readYesNo(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  return YES.has(word) ? true : NO.has(word) ? false : undefined;
}

/**
 * Turns `key=value` pairs into checked field values. Every bad pair is reported at once, each
 * naming the field and what it expects, so one correction fixes the whole command — a bad
 * stage or grade too (and a stage the customer may not enter), when the caller passes how to
 * check them against the playbook.
 */
export function readFieldInput(
  pairs: { key: string; value: string }[],
  checkClassification?: (stage: string | undefined, grade: string | undefined, force: boolean) => unknown,
): FieldInput {
  const input: FieldInput = { fields: {}, force: false };
  const problems: Record<string, (m: Messages) => string> = {};
  for (const { key: typed, value } of pairs) {
    const key = findFieldKey(typed);
    if (!key) {
      problems[typed] = (m) => m.errors.unknownKey(typed, [...CUSTOMER_FIELDS, ...EXTRA_KEYS]);
      continue;
    }
    if (isCustomerField(key)) {
      if (value.trim() === "") {
        if (key === "company") problems[key] = (m) => m.errors.required(m.fields[key]);
        else input.fields[key] = null;
        continue;
      }
      const checked = checkField(key, value);
      if (!checked.ok) problems[key] = (m) => m.errors.badField(m.fields[key], value, m.expect[key]);
      else if (key === "company") input.fields.company = checked.value;
      else input.fields[key] = checked.value;
    } else if (key === "stage") input.stage = value;
    else if (key === "grade") input.grade = value;
    else if (key === "calllog") {
      if (value.trim()) input.callLog = value.trim();
    } else if (key === "force") {
      const force = readYesNo(value);
      if (force === undefined) problems.force = (m) => m.errors.unreadWords(`${typed}=${value}`);
      else input.force = force;
    }
    else {
      const man = readMan(value);
      if (man) input.man = man;
      else problems.man = (m) => m.errors.badField(m.fields.man, value, m.expect.man);
    }
  }
  if (checkClassification && (input.stage !== undefined || input.grade !== undefined)) {
    try {
      checkClassification(input.stage, input.grade, input.force);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const own = Object.entries(error.fieldErrors);
      if (own.length > 0) for (const [key, render] of own) problems[key] = render;
      else problems[input.stage !== undefined ? "stage" : "grade"] = error.render;
    }
  }
  const keys = Object.keys(problems);
  if (keys.length > 0) {
    throw new DomainError("bad_fields", (m) => keys.map((k) => problems[k]!(m)).join("\n"), problems);
  }
  return input;
}

function readMan(value: string): FieldInput["man"] | undefined {
  const v = value.trim().toUpperCase();
  if (["-", "NONE", "无", "0"].includes(v)) return { money: false, authority: false, need: false };
  if (!/^[MAN]{1,3}$/.test(v)) return undefined;
  return { money: v.includes("M"), authority: v.includes("A"), need: v.includes("N") };
}
