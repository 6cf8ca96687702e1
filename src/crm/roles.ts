import { wordLookup } from "../domain/word-lookup.ts";

export const ROLES = ["rep", "director", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The Role a typed word names, in English or Chinese, any case. */
export const findRole = wordLookup<Role>({
  rep: "rep", 业务员: "rep", 销售: "rep",
  director: "director", 总监: "director", 销售总监: "director",
  admin: "admin", 管理员: "admin",
});


/** Directors and admins see and change every customer of their workspace. */
export function seesWholeTeam(role: string): boolean {
  return role === "director" || role === "admin";
}

export function isAdmin(role: string): boolean {
  return role === "admin";
}
