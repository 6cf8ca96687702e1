import type { CommandContext } from "../commands/context.ts";
import { seesWholeTeam } from "../crm/roles.ts";
import { companyKey } from "../domain/customer-fields.ts";
import { DomainError } from "../errors.ts";
import type { Messages } from "../i18n/messages.ts";
import { readFieldInput } from "../customers/field-input.ts";
import { importRowPrerequisites } from "../customers/stage-prerequisites.ts";
import { resolveClassification, stageKind } from "../operations/classification.ts";
import { findExistingDuplicates, type ExistingDuplicate, type NewCustomerRow } from "../operations/add-customers.ts";
import { mapHeaders } from "./map-headers.ts";
import type { Table } from "./read-table.ts";

export interface PlannedRow {
  line: number;
  owner: string;
  customer: NewCustomerRow & { ref: string };
}

export interface DuplicateRow {
  line: number;
  company: string;
  of: { kind: "file"; line: number } | ({ kind: "workspace" } & ExistingDuplicate);
}

export interface InvalidRow {
  line: number;
  problems: { column: string; value: string; why: (m: Messages) => string }[];
}

export interface ImportPlan {
  toCreate: PlannedRow[];
  duplicates: DuplicateRow[];
  invalid: InvalidRow[];
  ignoredColumns: string[];
  unknownColumns: string[];
  /** Names in the 负责业务员 column that are nobody in the workspace. */
  unknownOwners: string[];
}

/**
 * The dry run: every row of the file sorted into to create, duplicate (of an earlier row or of
 * a workspace customer) and invalid (each reason naming its column). Writes nothing.
 * A director's 负责业务员 column names the owner; a rep imports for themself, so a row naming
 * someone else is invalid rather than silently taken over.
 */
export async function planImport(ctx: CommandContext, table: Table): Promise<ImportPlan> {
  const { caller } = ctx;
  const headers = mapHeaders(table.header);
  const people = await ctx.tx.user.findMany({ where: { workspaceId: caller.workspace.id }, select: { id: true, displayName: true, externalId: true } });
  const owners = new Map<string, { id: string; name: string }>();
  for (const p of people) {
    owners.set(p.externalId.toLowerCase(), { id: p.id, name: p.displayName });
    owners.set(p.displayName.trim().toLowerCase(), { id: p.id, name: p.displayName });
  }
  const director = seesWholeTeam(caller.user.role);
  const plan: ImportPlan = { toCreate: [], duplicates: [], invalid: [], ignoredColumns: headers.ignored, unknownColumns: headers.unknown, unknownOwners: [] };
  const unknownOwners = new Set<string>();
  const candidates: { row: PlannedRow; key: string; mobile: string | null }[] = [];

  for (const { line, cells } of table.rows) {
    const problems: InvalidRow["problems"] = [];
    const pairs: { key: string; value: string }[] = [];
    const columnOf = new Map<string, { column: string; value: string }>();
    let ownerCell: { column: string; value: string } | undefined;
    for (const [index, kind] of headers.columns) {
      const value = cells[index] ?? "";
      if (value === "" || kind.kind === "ignored") continue;
      const column = table.header[index]!;
      if (kind.kind === "owner") ownerCell = { column, value };
      else {
        pairs.push({ key: kind.key, value });
        columnOf.set(kind.key, { column, value });
      }
    }
    const at = (key: string) => columnOf.get(key) ?? { column: key, value: "" };
    let customer: NewCustomerRow | undefined;
    try {
      const input = readFieldInput(pairs);
      const company = input.fields.company;
      if (!company) problems.push({ ...companyColumn(table, headers.columns), why: (m) => m.errors.required(m.fields.company) });
      else {
        const fields = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v)) as NewCustomerRow["fields"];
        customer = {
          fields: { ...fields, company },
          ...(input.stage !== undefined ? { stage: input.stage } : {}),
          ...(input.grade !== undefined ? { grade: input.grade } : {}),
          ...(input.man ? { man: input.man } : {}),
          ...(input.callLog ? { callLog: input.callLog } : {}),
        };
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const [key, why] of Object.entries(error.fieldErrors)) problems.push({ ...at(key), why });
    }
    if (customer) {
      try {
        const klass = resolveClassification(ctx, null, customer.stage, customer.grade);
        const kind = stageKind(ctx.playbook, klass.stage);
        if (kind === "lost") problems.push({ ...at("stage"), why: (m) => m.errors.newCustomerLost() });
        const refusal = kind === "open" ? importRowPrerequisites(ctx.playbook, ctx.caller.locale, klass.stage) : undefined;
        if (refusal) problems.push({ ...at("stage"), why: refusal });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const key = Object.keys(error.fieldErrors)[0] ?? "stage";
        problems.push({ ...at(key), why: error.render });
      }
    }
    let owner = { id: caller.user.id, name: caller.user.displayName };
    if (ownerCell) {
      const found = owners.get(ownerCell.value.trim().toLowerCase());
      if (!found) {
        unknownOwners.add(ownerCell.value);
        const name = ownerCell.value;
        problems.push({ ...ownerCell, why: (m) => m.transfer.errors.unknownOwner(name) });
      } else if (!director && found.id !== caller.user.id) {
        problems.push({ ...ownerCell, why: (m) => m.transfer.errors.repForOthers() });
      } else owner = found;
    }
    if (problems.length > 0 || !customer) {
      plan.invalid.push({ line, problems });
      continue;
    }
    if (owner.id !== caller.user.id) customer.ownerId = owner.id;
    const row: PlannedRow = { line, owner: owner.name, customer: { ...customer, ref: String(line) } };
    candidates.push({ row, key: companyKey(customer.fields.company), mobile: customer.fields.mobile ?? null });
  }

  // Within the file the first row wins; the rest are its duplicates.
  const firstByKey = new Map<string, number>();
  const firstByMobile = new Map<string, number>();
  const unique: typeof candidates = [];
  for (const c of candidates) {
    const earlier = firstByKey.get(c.key) ?? (c.mobile ? firstByMobile.get(c.mobile) : undefined);
    if (earlier !== undefined) {
      plan.duplicates.push({ line: c.row.line, company: c.row.customer.fields.company, of: { kind: "file", line: earlier } });
      continue;
    }
    firstByKey.set(c.key, c.row.line);
    if (c.mobile) firstByMobile.set(c.mobile, c.row.line);
    unique.push(c);
  }
  const existing = await findExistingDuplicates(ctx.tx, caller.workspace.id, unique);
  unique.forEach((c, i) => {
    const hit = existing[i];
    if (hit) plan.duplicates.push({ line: c.row.line, company: c.row.customer.fields.company, of: { kind: "workspace", ...hit } });
    else plan.toCreate.push(c.row);
  });
  plan.duplicates.sort((a, b) => a.line - b.line);
  plan.unknownOwners = [...unknownOwners];
  return plan;
}

function companyColumn(table: Table, columns: Map<number, { kind: string; key?: string }>): { column: string; value: string } {
  const index = [...columns].find(([, k]) => k.kind === "field" && k.key === "company")?.[0] ?? 0;
  return { column: table.header[index] ?? "company", value: "" };
}
