import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer } from "./close-server.ts";

/**
 * A local stand-in for the Feishu Open API: pass `url` to the SDK as its `domain` and every
 * call — the token, sends, replies, card updates, image uploads, directory look-ups — lands
 * here, is recorded, and gets a plausible answer (or one a test scripted: a 429, an error code).
 * Sends with the same `uuid` get the same message_id, as Feishu dedupes them.
 */
export interface CapturedCall {
  method: string;
  /** The path without the query, e.g. `/open-apis/im/v1/messages`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** JSON bodies parsed; multipart bodies as their fields and files; otherwise the text. */
  body: any;
  /** What the fake answered. */
  status?: number;
  response?: any;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, { filename: string; contentType: string; data: Buffer }>;
}

export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
  /** How many matching calls get this answer (default 1). */
  times?: number;
  /** Answer this late (to test timeouts and slow paths). */
  delayMs?: number;
}

interface Script extends ScriptedResponse {
  method: string;
  path: string | RegExp;
  left: number;
}

export const FAKE_TENANT_TOKEN = "t-fake-tenant-token";
export const FAKE_BOT_OPEN_ID = "ou_fake_bot";

export class FakeFeishuApi {
  readonly calls: CapturedCall[] = [];
  /** Names the contact API knows, by open_id; anyone else is "not found" (code 41050). */
  readonly users = new Map<string, string>();
  botOpenId = FAKE_BOT_OPEN_ID;
  /**
   * The chat each message is in: the bot's own (a DM by open_id lands in `oc_p2p_<open_id>`, the
   * person's direct chat with the bot), and people's messages a test registers — Feishu knows
   * them, the fake does not — so a reply answers with the chat it went to.
   */
  readonly chats = new Map<string, string>();
  private readonly scripts: Script[] = [];
  private readonly uuids = new Map<string, string>();
  /** Files people sent, by `message_id/file_key`, served by the message resource API. */
  private readonly resources = new Map<string, Buffer>();
  private sequence = 0;

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<FakeFeishuApi> {
    let fake: FakeFeishuApi | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => void fake!.handle(req.method ?? "GET", req.url ?? "/", req.headers, Buffer.concat(chunks)).then((answer) => {
        if (answer.body instanceof Buffer) res.writeHead(answer.status, { "content-type": "application/octet-stream", ...answer.headers }).end(answer.body);
        else res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers }).end(JSON.stringify(answer.body));
      }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeFeishuApi(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** The next `times` calls to `method path` get this answer instead of the default one. */
  respond(method: string, path: string | RegExp, response: ScriptedResponse): void {
    this.scripts.push({ ...response, method: method.toUpperCase(), path, left: response.times ?? 1 });
  }

  /** Recorded calls, optionally only those to `method path` (a string path matches exactly). */
  callsTo(method: string, path: string | RegExp): CapturedCall[] {
    return this.calls.filter((c) => c.method === method.toUpperCase() && matches(path, c.path));
  }

  /** Every message the bot sent: creates and replies, in order. */
  sentMessages(): CapturedCall[] {
    return this.calls.filter((c) => c.method === "POST" && (c.path === "/open-apis/im/v1/messages" || /^\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/.test(c.path)));
  }

  /** Waits until `predicate` holds over the recorded calls (or fails after `timeoutMs`). */
  async waitFor(predicate: (calls: CapturedCall[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > until) throw new Error(`fake Feishu: condition not met within ${timeoutMs} ms (${this.calls.length} calls recorded)`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Makes the file of a file message downloadable, as Feishu keeps what people send. */
  hostResource(messageId: string, fileKey: string, bytes: Uint8Array): void {
    this.resources.set(`${messageId}/${fileKey}`, Buffer.from(bytes));
  }

  /** Forgets recorded calls and pending scripts (users and the uuid memory stay). */
  reset(): void {
    this.calls.length = 0;
    this.scripts.length = 0;
  }

  private async handle(method: string, rawUrl: string, headers: IncomingHttpHeaders, raw: Buffer): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
    const url = new URL(rawUrl, "http://fake");
    const call: CapturedCall = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, body: parseBody(headers, raw) };
    this.calls.push(call);
    const script = this.scripts.find((s) => s.left > 0 && s.method === method && matches(s.path, call.path));
    let answer: { status: number; headers: Record<string, string>; body: unknown };
    if (script) {
      script.left--;
      if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
      answer = { status: script.status ?? 200, headers: script.headers ?? {}, body: script.body };
    } else answer = this.answer(call);
    call.status = answer.status;
    call.response = answer.body;
    return answer;
  }

  private answer(call: CapturedCall): { status: number; headers: Record<string, string>; body: unknown } {
    const ok = (body: object) => ({ status: 200, headers: {}, body: { code: 0, msg: "success", ...body } });
    if (call.path === "/open-apis/auth/v3/tenant_access_token/internal" || call.path === "/open-apis/auth/v3/app_access_token/internal") {
      return ok({ tenant_access_token: FAKE_TENANT_TOKEN, app_access_token: "a-fake-app-token", expire: 7200 });
    }
    if (call.headers.authorization !== `Bearer ${FAKE_TENANT_TOKEN}`) {
      return { status: 400, headers: {}, body: { code: 99991663, msg: "Invalid access token for authorization" } };
    }
    const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(call.path);
    if (call.method === "POST" && (call.path === "/open-apis/im/v1/messages" || reply)) {
      const uuid = call.body?.uuid as string | undefined;
      const known = uuid ? this.uuids.get(uuid) : undefined;
      const messageId = known ?? `om_fake_${++this.sequence}`;
      if (uuid) this.uuids.set(uuid, messageId);
      const chatId = reply
        ? (this.chats.get(decodeURIComponent(reply[1]!)) ?? "oc_fake")
        : call.query.receive_id_type === "chat_id" ? call.body?.receive_id : call.query.receive_id_type === "open_id" ? `oc_p2p_${call.body?.receive_id}` : "oc_fake";
      this.chats.set(messageId, chatId);
      return ok({ data: { message_id: messageId, msg_type: call.body?.msg_type, chat_id: chatId, body: { content: call.body?.content } } });
    }
    if (call.method === "PATCH" && /^\/open-apis\/im\/v1\/messages\/[^/]+$/.test(call.path)) return ok({ data: {} });
    if (call.method === "POST" && call.path === "/open-apis/im/v1/images") return ok({ data: { image_key: `img_fake_${++this.sequence}` } });
    if (call.method === "POST" && call.path === "/open-apis/im/v1/files") return ok({ data: { file_key: `file_fake_${++this.sequence}` } });
    const resource = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(call.path);
    if (call.method === "GET" && resource) {
      const bytes = this.resources.get(`${decodeURIComponent(resource[1]!)}/${decodeURIComponent(resource[2]!)}`);
      if (bytes && call.query.type === "file") return { status: 200, headers: {}, body: bytes };
      return { status: 400, headers: {}, body: { code: 234003, msg: "File not in msg." } };
    }
    if (call.method === "POST" && call.path === "/open-apis/interactive/v1/card/update") return ok({});
    if (call.method === "GET" && call.path === "/open-apis/bot/v3/info") return ok({ bot: { open_id: this.botOpenId, app_name: "CRM" } });
    const user = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(call.path);
    if (call.method === "GET" && user) {
      const name = this.users.get(decodeURIComponent(user[1]!));
      if (name) return ok({ data: { user: { open_id: user[1], name } } });
      return { status: 400, headers: {}, body: { code: 41050, msg: "no user authority error" } };
    }
    return { status: 404, headers: {}, body: { code: 99991201, msg: `fake Feishu has no ${call.method} ${call.path}` } };
  }
}

/** The parsed `content` of a sent message: the card JSON of an interactive one, `{image_key}`, `{text}`. */
export function messageContent(call: CapturedCall): any {
  return typeof call.body?.content === "string" ? JSON.parse(call.body.content) : undefined;
}

function matches(path: string | RegExp, actual: string): boolean {
  return typeof path === "string" ? path === actual : path.test(actual);
}

function parseBody(headers: IncomingHttpHeaders, raw: Buffer): unknown {
  const type = headers["content-type"] ?? "";
  if (raw.length === 0) return undefined;
  if (type.startsWith("multipart/form-data")) return parseMultipart(raw, /boundary=(?:"([^"]+)"|([^;]+))/.exec(type));
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseMultipart(raw: Buffer, boundaryMatch: RegExpExecArray | null): MultipartBody {
  const result: MultipartBody = { fields: {}, files: {} };
  const boundary = boundaryMatch?.[1] ?? boundaryMatch?.[2];
  if (!boundary) return result;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf("\r\n\r\n");
    if (split >= 0) {
      const head = part.subarray(0, split).toString("utf8");
      const data = part.subarray(split + 4);
      const name = /name="([^"]*)"/.exec(head)?.[1] ?? "";
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      // A part with a file name or a content type is a file (the SDK sends a Buffer without a name).
      if (filename !== undefined || contentType !== undefined) result.files[name] = { filename: filename ?? "", contentType: contentType ?? "", data };
      else result.fields[name] = data.toString("utf8");
    }
    start = next;
  }
  return result;
}
