import type { Playbook } from "../playbook/playbook.schema.ts";
import { workspaceCalendar } from "./work-calendar.ts";

/** The playbook as this workspace runs it: with its work calendar (see `Playbook`). */
export function playbookForWorkspace(playbook: Playbook, workspace: { calendar?: string | null; timeZone: string }): Playbook {
  return { ...playbook, workCalendar: workspaceCalendar(workspace) };
}
