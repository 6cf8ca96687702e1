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
  const required = playbook.filing.required as CustomerField[];
  const missing = required.filter((field) => {
    const value = (customer as Record<string, unknown>)[field];
    return typeof value !== "string" || value.trim() === "";
  });
  const callLog = playbook.filing.callLog;
  if (!callLog) return { missing, callLogChars: 0, callLogNeeded: 0 };
  const logs = await tx.activity.findMany({
    where: { customerId: customer.id, channel: { in: [...callLog.channels] } },
    select: { content: true },
  });
  // Characters, not bytes or words: a Chinese call log is dense, and "not one or two sentences" is about substance.
  const callLogChars = logs.reduce((sum, log) => sum + [...log.content.trim()].length, 0);
  return { missing, callLogChars, callLogNeeded: callLog.minChars };
}

export function isFileable(gaps: FilingGaps): boolean {
  return gaps.missing.length === 0 && gaps.callLogChars >= gaps.callLogNeeded;
}
