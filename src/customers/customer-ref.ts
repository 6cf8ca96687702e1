import { DomainError } from "../errors.ts";

/** Customer numbers are a PostgreSQL `integer`: no customer can have a number above this. */
export const MAX_CUSTOMER_NUMBER = 2_147_483_647;

/**
 * How a button names a customer: `#12@T0A1B2`. The number alone is only unique in a workspace,
 * and a card can be seen from another one (a Slack Connect channel, a Feishu external group):
 * the qualifier makes a click from elsewhere fail instead of acting on that workspace's #12.
 */
export function actionRef(customer: { number: number }, workspace: { externalId: string }): string {
  return `#${customer.number}@${workspace.externalId}`;
}

/**
 * `#12`, `12`, `＃12` or `#12@<workspace>`; undefined when it is not a number reference. A
 * number no customer can have is answered here, before any query: a mainland mobile number
 * typed where the customer goes is named as such, any other "there is no customer #N".
 */
export function parseNumberRef(ref: string): { number: number; workspace?: string } | undefined {
  const match = /^([#＃]?)(\d+)(?:@(\S+))?$/.exec(ref.trim());
  if (!match) return undefined;
  const digits = match[2]!.replace(/^0+(?=\d)/, "");
  if (digits.length > 10 || Number(digits) > MAX_CUSTOMER_NUMBER) {
    if (!match[1] && /^1[3-9]\d{9}$/.test(digits)) throw new DomainError("mobile_as_ref", (m) => m.limits.mobileAsRef(digits));
    throw new DomainError("not_found", (m) => m.limits.noSuchNumber(digits));
  }
  return { number: Number(digits), ...(match[3] ? { workspace: match[3] } : {}) };
}
