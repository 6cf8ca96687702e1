import type { CommandContext } from "../commands/context.ts";
import type { Customer } from "../db/types.ts";
import { DomainError, fail } from "../errors.ts";
import { companyKey } from "../domain/customer-fields.ts";
import { parseNumberRef } from "./customer-ref.ts";
import { visibleCustomers } from "./visibility.ts";

const MAX_CANDIDATES = 8;

/**
 * Resolves what a rep typed to point at a customer: `#12` (or `12`), or a fragment of the
 * company or contact name. Someone else's customer is refused without showing its details.
 */
export async function findCustomer(ctx: CommandContext, ref: string | undefined): Promise<Customer> {
  if (!ref || !ref.trim()) fail("missing_ref", (m) => m.errors.missingRef());
  const { tx, caller } = ctx;
  const numbered = parseNumberRef(ref);
  if (numbered) {
    const { number } = numbered;
    if (numbered.workspace !== undefined && numbered.workspace !== caller.workspace.externalId) {
      fail("other_workspace", (m) => m.errors.otherWorkspace());
    }
    const customer = await tx.customer.findUnique({ where: { workspaceId_number: { workspaceId: caller.workspace.id, number } } });
    if (!customer) fail("not_found", (m) => m.errors.noSuchNumber(number));
    const visible = await tx.customer.count({ where: { ...visibleCustomers(caller), id: customer.id } });
    if (!visible) fail("forbidden", (m) => m.errors.notYours(number));
    return customer;
  }
  const fragment = ref.trim();
  const candidates = await tx.customer.findMany({
    where: {
      ...visibleCustomers(caller),
      OR: [
        { company: { contains: fragment, mode: "insensitive" } },
        { contact: { contains: fragment, mode: "insensitive" } },
      ],
    },
    orderBy: { number: "asc" },
    take: 50,
  });
  if (candidates.length === 1) return candidates[0]!;
  const exact = candidates.filter((c) => c.companyKey === companyKey(fragment));
  if (exact.length === 1) return exact[0]!;
  if (candidates.length === 0) fail("not_found", (m) => m.errors.noMatch(fragment));
  const listed = candidates.slice(0, MAX_CANDIDATES).map((c) => `#${c.number} ${c.company}${c.contact ? ` (${c.contact})` : ""}`);
  const more = candidates.length - listed.length;
  throw new DomainError("ambiguous", (m) => m.errors.ambiguous(fragment, listed, more));
}
