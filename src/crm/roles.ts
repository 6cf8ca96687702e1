export const ROLES = ["rep", "director", "admin"] as const;
export type Role = (typeof ROLES)[number];

// A Map, not an object literal: a typed word such as "constructor" must not find Object's own keys.
const ROLE_WORDS = new Map<string, Role>(Object.entries({
  rep: "rep", 业务员: "rep", 销售: "rep",
  director: "director", 总监: "director", 销售总监: "director",
  admin: "admin", 管理员: "admin",
}) as [string, Role][]);

export function findRole(word: string): Role | undefined {
  return ROLE_WORDS.get(word.trim().toLowerCase());
}

/** Directors and admins see and change every customer of their workspace. */
export function seesWholeTeam(role: string): boolean {
  return role === "director" || role === "admin";
}

export function isAdmin(role: string): boolean {
  return role === "admin";
}
