import { wordLookup } from "./word-lookup.ts";

/** Ways a rep touches a customer. A `note` is recorded too, but is never a touch. */
export const TOUCH_CHANNELS = ["call", "sms", "visit", "email", "wechat"] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

export const ACTIVITY_KINDS = [...TOUCH_CHANNELS, "note"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export function isTouchChannel(value: string): value is TouchChannel {
  return (TOUCH_CHANNELS as readonly string[]).includes(value);
}

/** The ActivityKind a typed word names, in English or Chinese, any case. */
export const findActivityKind = wordLookup<ActivityKind>({
  call: "call", phone: "call", 电话: "call", 打电话: "call", 通话: "call",
  sms: "sms", text: "sms", 短信: "sms",
  visit: "visit", meeting: "visit", 拜访: "visit", 上门: "visit", 见面: "visit",
  email: "email", mail: "email", 邮件: "email",
  wechat: "wechat", weixin: "wechat", 微信: "wechat",
  note: "note", 备注: "note", 笔记: "note",
});
