import { z } from "zod";

/**
 * The filing fields of a customer (DOMAIN.md §4), the words that name them in commands, and
 * what a valid value looks like. Stage, grade and MAN are handled by their own rules.
 */
export const CUSTOMER_FIELDS = [
  "company", "contact", "title", "mobile", "phone", "fax", "province", "city", "address",
  "email", "wechat", "qq", "website", "size", "revenue", "source", "note",
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Keys accepted in `add` and `edit` besides the filing fields. */
export const EXTRA_KEYS = ["grade", "stage", "man", "calllog", "force"] as const;
export type ExtraKey = (typeof EXTRA_KEYS)[number];
export type FieldKey = CustomerField | ExtraKey;

const ALIASES: Record<FieldKey, string[]> = {
  company: ["公司", "公司名称", "客户名称"],
  contact: ["负责人", "联系人", "name"],
  title: ["职位", "职务", "position"],
  mobile: ["手机", "手机号", "cell"],
  phone: ["电话", "座机", "tel"],
  fax: ["传真"],
  province: ["省份", "省"],
  city: ["城市", "市"],
  address: ["地址"],
  email: ["邮箱", "电子邮件", "mail"],
  wechat: ["微信"],
  qq: ["QQ"],
  website: ["网站", "网址", "web", "url"],
  size: ["规模", "公司规模"],
  revenue: ["营业额"],
  source: ["来源"],
  note: ["备注"],
  grade: ["等级", "级别"],
  stage: ["阶段"],
  man: ["资格"],
  calllog: ["通话记录", "call_log", "log"],
  force: ["强制"],
};

const BY_WORD = new Map<string, FieldKey>();
for (const [key, aliases] of Object.entries(ALIASES) as [FieldKey, string[]][]) {
  BY_WORD.set(key, key);
  for (const alias of aliases) BY_WORD.set(alias.toLowerCase(), key);
}

/** The word a Chinese reader types for a key (公司, 负责人 …): its first alias in Chinese. */
export function chineseKeyWord(key: FieldKey): string {
  return ALIASES[key].find((alias) => /[\u3400-\u9fff]/.test(alias)) ?? ALIASES[key][0] ?? key;
}

export function findFieldKey(word: string): FieldKey | undefined {
  return BY_WORD.get(word.trim().toLowerCase());
}

export function isCustomerField(key: FieldKey): key is CustomerField {
  return (CUSTOMER_FIELDS as readonly string[]).includes(key);
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** Mainland mobile numbers, accepted with +86, spaces or dashes and stored as 11 digits. */
export function normalizeMobile(value: string): string {
  return value.replace(/[\s\-()（）]/g, "").replace(/^(\+?86|0086)(?=1\d{10}$)/, "");
}

const FIELD_SCHEMAS: Record<CustomerField, z.ZodType<string>> = {
  company: text(100),
  contact: text(50),
  title: text(50),
  mobile: z.string().transform(normalizeMobile).pipe(z.string().regex(/^1[3-9]\d{9}$/)),
  phone: z.string().trim().regex(/^\+?[\d\s\-()（）转ext.]{5,24}$/i),
  fax: z.string().trim().regex(/^\+?[\d\s\-()（）]{5,24}$/),
  province: text(30),
  city: text(30),
  address: text(200),
  email: z.string().trim().pipe(z.email()),
  wechat: z.string().trim().regex(/^[A-Za-z0-9_\-]{5,30}$|^1[3-9]\d{9}$/),
  qq: z.string().trim().regex(/^[1-9]\d{4,11}$/),
  website: z.string().trim().regex(/^(https?:\/\/)?[\w\-]+(\.[\w\-]+)+(\/\S*)?$/i),
  size: text(50),
  revenue: text(50),
  source: text(50),
  note: text(2000),
};

export type FieldCheck = { ok: true; value: string } | { ok: false };

export function checkField(field: CustomerField, raw: string): FieldCheck {
  const result = FIELD_SCHEMAS[field].safeParse(raw);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}

/**
 * The same company typed twice rarely matches letter for letter: 华为技术有限公司 and
 * 华为技术 (深圳) are one prospect. Compare on a key without spacing, punctuation, brackets
 * and legal-form suffixes.
 */
export function companyKey(company: string): string {
  let text = company.normalize("NFKC").toLowerCase().replace(/[(（][^)）]*[)）]/g, "");
  // A Latin legal form is a word of its own ("Tuoxin Co., Ltd."): "Tesco" keeps its "co".
  for (let word = LATIN_FORM.exec(text); word; word = LATIN_FORM.exec(text)) text = word[1]!;
  let key = text.replace(/[\s\p{P}\p{S}]/gu, "");
  // Chinese is written without spaces: its legal forms are plain suffixes (华为技术有限公司),
  // stripped in any order (集团公司) but never down to nothing (公司 alone stays 公司).
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of CHINESE_FORMS) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return key;
}

const CHINESE_FORMS = ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"];
/**
 * The last word when it is a legal form, with the separator before it (group 1: what stays).
 * `s`: a name typed over two lines loses its form like one typed on one line.
 */
const LATIN_FORM = /^(.*[^\s\p{P}\p{S}][\s\p{P}\p{S}]+)(?:co|ltd|limited|inc|corp|corporation|llc|gmbh)[\s\p{P}\p{S}]*$/su;
