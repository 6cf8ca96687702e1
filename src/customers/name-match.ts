import { pinyin } from "pinyin-pro";
import { companyKey } from "../domain/customer-fields.ts";

/**
 * How reps type a customer's name: 深圳金厨 for 深圳市金厨工程有限公司, or its pinyin
 * initials, szjc. Pure functions, so the rules are tested without a database.
 */

// A place name of two or three characters followed by its administrative level, at the start.
const LEADING_PLACE = /^(\p{Script=Han}{2,3}?)(?:省|市|自治区|特别行政区|区|县)/u;

/**
 * The name without what reps leave out: legal-form suffixes and punctuation (as for duplicates),
 * and the 省/市/区/县 after the leading place names — 深圳市南山区金厨 → 深圳南山金厨.
 */
export function coreName(name: string): string {
  let rest = companyKey(name);
  let core = "";
  for (let match = LEADING_PLACE.exec(rest); match && rest.length > match[0].length; match = LEADING_PLACE.exec(rest)) {
    core += match[1];
    rest = rest.slice(match[0].length);
  }
  return core + rest;
}

/** Every character of `fragment` appears in `name`, in order, with anything in between. */
export function inOrder(fragment: string, name: string): boolean {
  let at = 0;
  for (const char of fragment) {
    at = name.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

const initialsCache = new Map<string, string>();

/** 深圳金厨 → szjc; letters and digits stay as they are. */
export function initials(text: string): string {
  let known = initialsCache.get(text);
  if (known === undefined) {
    known = pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" })
      .join("")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    if (initialsCache.size > 50_000) initialsCache.clear();
    initialsCache.set(text, known);
  }
  return known;
}

export function isPinyinInitials(fragment: string): boolean {
  return /^[a-z]{2,}$/i.test(fragment.trim());
}

/**
 * Whether what a rep typed names this customer, loosely: the characters of the fragment's core
 * name in order in the company or the contact, or (for latin letters) the pinyin initials as
 * one run in the initials of either. A single character only matches as part of a name.
 */
export function looselyMatches(fragment: string, customer: { company: string; contact: string | null }): boolean {
  const typed = fragment.trim();
  const names = [customer.company, customer.contact ?? ""].filter(Boolean);
  if (isPinyinInitials(typed)) {
    const wanted = typed.toLowerCase();
    return names.some((name) => initials(coreName(name)).includes(wanted) || initials(name).includes(wanted));
  }
  const core = coreName(typed);
  if ([...core].length < 2) return false;
  return names.some((name) => inOrder(core, coreName(name)) || inOrder(core, companyKey(name)));
}
