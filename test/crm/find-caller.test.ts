import { describe, expect, it } from "vitest";
import { findCaller } from "../../src/crm/identity.ts";
import { useCrm } from "../support/crm-fixture.ts";

const t = useCrm();

describe("resolving a known caller without a transaction", () => {
  it("reads the same workspace and user rows Prisma reads, every column with its type", async () => {
    const p = t.person("known", { workspace: "find-caller", timeZone: "Asia/Shanghai" });
    expect((await p.run("help")).ok).toBe(true);
    // A dry run waiting for its yes: every nullable column filled, the dates among them.
    await t.db.prisma.user.updateMany({ where: { externalId: "known" }, data: { pendingCommand: "assign all @a @b confirm", pendingUntil: new Date("2026-11-23T02:10:00Z") } });
    const found = await findCaller(t.db.prisma, p.identity);
    const workspace = await t.db.prisma.workspace.findUniqueOrThrow({ where: { platform_externalId: { platform: "console", externalId: "find-caller" } } });
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { workspaceId_externalId: { workspaceId: workspace.id, externalId: "known" } } });
    expect(found).toEqual({ workspace, user });
  });

  it("leaves to the full path a new person, a new workspace and a changed name or time zone", async () => {
    const p = t.person("changing", { workspace: "find-caller-2" });
    expect(await findCaller(t.db.prisma, p.identity)).toBeNull();
    await p.run("help");
    expect(await findCaller(t.db.prisma, { ...p.identity, userId: "someone-else" })).toBeNull();
    expect(await findCaller(t.db.prisma, { ...p.identity, displayName: "Renamed" })).toBeNull();
    expect(await findCaller(t.db.prisma, { ...p.identity, timeZone: "Europe/Paris" })).toBeNull();
    expect(await findCaller(t.db.prisma, { ...p.identity, timeZone: "Not/AZone" })).not.toBeNull();

    const renamed = t.person("changing", { workspace: "find-caller-2" });
    renamed.identity.displayName = "Renamed";
    await renamed.run("help");
    expect((await findCaller(t.db.prisma, renamed.identity))?.user.displayName).toBe("Renamed");
  });
});
