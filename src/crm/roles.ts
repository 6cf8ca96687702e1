export const ROLES = ["rep", "director", "admin"] as const;
export type Role = (typeof ROLES)[number];

const ROLE_WORDS: Record<string, Role> = {
  rep: "rep", 业务员: "rep", 销售: "rep",
  director: "director", 总监: "director", 销售总监: "director",
  admin: "admin", 管理员: "admin",
};

export function findRole(word: string): Role | undefined {
  return ROLE_WORDS[word.trim().toLowerCase()];
}

/** Directors and admins see and change every customer of their workspace. */
export function seesWholeTeam(role: string): boolean {
  return role === "director" || role === "admin";
}

export function isAdmin(role: string): boolean {
  return role === "admin";
}
