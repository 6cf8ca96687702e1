/**
 * How a button names a customer: `#12@T0A1B2`. The number alone is only unique in a workspace,
 * and a card can be seen from another one (a Slack Connect channel, a Feishu external group):
 * the qualifier makes a click from elsewhere fail instead of acting on that workspace's #12.
 */
export function actionRef(customer: { number: number }, workspace: { externalId: string }): string {
  return `#${customer.number}@${workspace.externalId}`;
}

/** `#12`, `12`, `＃12` or `#12@<workspace>`; undefined when it is not a number reference. */
export function parseNumberRef(ref: string): { number: number; workspace?: string } | undefined {
  const match = /^[#＃]?(\d+)(?:@(\S+))?$/.exec(ref.trim());
  if (!match) return undefined;
  return { number: Number(match[1]), ...(match[2] ? { workspace: match[2] } : {}) };
}
