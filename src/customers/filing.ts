import type { Customer, Tx } from "../db/types.ts";
import type { CustomerField } from "../domain/customer-fields.ts";
import type { Playbook } from "../playbook/playbook.schema.ts";

export interface FilingGaps {
  /** Required fields that are empty. */
  missing: CustomerField[];
  /** Characters of call log so far, and how many the playbook asks for. */
  callLogChars: number;
  callLogNeeded: number;
}

/** What still keeps a prospect from being filed (DOMAIN.md §4). */
export async function filingGaps(tx: Tx, playbook: Playbook, customer: Customer): Promise<FilingGaps> {
  const callLog = playbook.filing.callLog;
  const logs = callLog
    ? await tx.activity.findMany({ where: { customerId: customer.id, channel: { in: [...callLog.channels] } }, select: { content: true } })
    : [];
  return filingGapsFrom(playbook, customer, logs.map((log) => log.content));
}

/** The same from the customer and the contents of its call-log touches (read by the caller). */
export function filingGapsFrom(playbook: Playbook, customer: Customer, callLogs: string[]): FilingGaps {
  const required = playbook.filing.required as CustomerField[];
  const missing = required.filter((field) => {
    const value = (customer as Record<string, unknown>)[field];
    return typeof value !== "string" || value.trim() === "";
  });
  const callLog = playbook.filing.callLog;
  if (!callLog) return { missing, callLogChars: 0, callLogNeeded: 0 };
  const callLogChars = callLogs.reduce((sum, log) => sum + meaningfulChars(log), 0);
  return { missing, callLogChars, callLogNeeded: callLog.minChars };
}

/**
 * Characters that carry meaning: 汉字, letters and digits. "Not one or two sentences" is about
 * substance, and a Chinese log is dense — so count characters, not words, and leave out the
 * punctuation and spaces that would let "打了电话。。。。" pass.
 */
export function meaningfulChars(text: string): number {
  let count = 0;
  for (const char of text) if (/[\p{L}\p{N}]/u.test(char)) count++;
  return count;
}

export function isFileable(gaps: FilingGaps): boolean {
  return gaps.missing.length === 0 && gaps.callLogChars >= gaps.callLogNeeded;
}
