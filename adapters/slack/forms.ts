import type { Form, Reply } from "../../src/reply.ts";

/** The form a reply offers (bare `add` answers with the filing form), if any. */
export function formOf(reply: Reply): Form | undefined {
  if (!reply.ok) return undefined;
  for (const card of reply.cards) {
    for (const action of card.actions) if (action.kind === "form") return action.form;
  }
  return undefined;
}

/** Waits for `work` up to `ms`; after that the caller answers Slack first and finishes later. */
export async function within<T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
