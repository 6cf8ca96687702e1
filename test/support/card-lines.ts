import type { Reply } from "../../src/reply.ts";

/** A reply's card of that title (the test fails on a missing one when it reads it). */
export const cardTitled = (reply: Reply, title: string) => reply.cards.find((c) => c.title === title)!;
/** The label/value pairs of a card's fields, as a reader sees them. */
export const fieldsOf = (reply: Reply, title: string) => cardTitled(reply, title).fields.map((f) => [f.label, f.value]);
/** Each section of a card as [title, ...lines]. */
export const sectionsOf = (reply: Reply, title: string) => cardTitled(reply, title).sections.map((s) => [s.title, ...s.items]);
