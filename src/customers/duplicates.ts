import type { Tx } from "../db/types.ts";
import { DomainError } from "../errors.ts";

/**
 * Refuses a customer whose mobile number or company is already in the workspace, naming only
 * the existing number and owner: two reps chasing one customer is what filing prevents, and
 * the other rep's details stay theirs. Callers lock the workspace row first (see `add`).
 */
export async function refuseDuplicate(
  tx: Tx,
  workspaceId: string,
  candidate: { companyKey?: string; mobile?: string | null },
  except?: string,
): Promise<void> {
  const { companyKey, mobile } = candidate;
  const or = [...(companyKey ? [{ companyKey }] : []), ...(mobile ? [{ mobile }] : [])];
  if (or.length === 0) return;
  const duplicate = await tx.customer.findFirst({
    where: { workspaceId, OR: or, ...(except ? { id: { not: except } } : {}) },
    include: { owner: { select: { displayName: true } } },
    orderBy: { number: "asc" },
  });
  if (!duplicate) return;
  const byMobile = !!mobile && duplicate.mobile === mobile;
  const { number } = duplicate;
  const owner = duplicate.owner.displayName;
  const filed = duplicate.filingStatus === "approved";
  throw new DomainError("duplicate", (m) => m.errors.duplicate(number, owner, byMobile, filed));
}

/** Serialises duplicate checks within a workspace until the transaction ends. */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
}
