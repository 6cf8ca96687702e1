import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer } from "./close-server.ts";

/**
 * A local stand-in for Slack's Web API, for tests: point `slackApiUrl` (SLACK_API_URL) at
 * `apiUrl` and every call is captured with its method and parsed body, and answered like Slack
 * would (or as a test scripts it). It also serves what Slack hosts outside the Web API: the
 * response_url a signed payload carries (`responseUrl(id)`) and the upload_url that
 * files.uploadV2 posts the file to.
 *
 *   const slack = await new FakeSlackApi().start();
 *   slack.script("chat.postMessage", { status: 429, headers: { "retry-after": "7" } }, { times: 1 });
 *   … new WebClient(token, { slackApiUrl: slack.apiUrl }) …
 *   const post = await slack.waitFor("chat.postMessage");
 *   await slack.stop();
 */

/** One request the fake received. */
export interface SlackCall {
  /** The Web API method (`chat.postMessage`), `response_url`, or `file_upload`. */
  method: string;
  /** For `response_url` and `file_upload`: the id in the URL. */
  id?: string;
  path: string;
  /** Form fields, JSON body or multipart fields; JSON-looking form values (blocks, view, metadata) are parsed. */
  body: Record<string, any>;
  /** The bearer token sent, if any. */
  token?: string;
  headers: IncomingHttpHeaders;
  /** Multipart file parts, by field name: their size, file name and bytes. */
  files: Record<string, { name: string; size: number; bytes: Buffer }>;
  /** The JSON body the fake answered with (e.g. the id views.open gave the modal), once it is known. */
  answer?: unknown;
}

/** A file the fake hosts, as files.info describes it (and a `message` event's `files` carry it). */
export interface HostedFile {
  id: string;
  name: string;
  title: string;
  /** Who uploaded it. */
  user: string;
  size: number;
  mimetype: string;
  url_private: string;
  url_private_download: string;
}

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** JSON body; `{ ok: false, error }` is how Slack reports a failed call (with status 200). */
  body?: unknown;
  /** Answer this much later (the call is captured at once), e.g. to stop a process mid-send. */
  delayMs?: number;
}

/** A fixed answer, or one computed from the call; undefined falls through to the default. */
export type Script = ScriptedAnswer | ((call: SlackCall) => ScriptedAnswer | undefined);

export interface FakeSlackUser {
  id: string;
  name?: string;
  real_name?: string;
  tz?: string;
  /** e.g. en-US, zh-CN. */
  locale?: string;
  team_id?: string;
}

export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  private server: Server | undefined;
  private origin = "";
  private readonly scripts = new Map<string, { script: Script; times: number }[]>();
  private readonly users = new Map<string, FakeSlackUser>();
  private readonly hosted = new Map<string, Buffer>();
  /** What files.info answers for each hosted file. */
  private readonly fileInfo = new Map<string, HostedFile>();
  private counter = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", () => resolve()));
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await closeServer(server);
  }

  /** http://127.0.0.1:PORT */
  get url(): string {
    if (!this.origin) throw new Error("FakeSlackApi is not started");
    return this.origin;
  }

  /** The Web API base to give the client: http://127.0.0.1:PORT/api/ */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url to put in a signed payload; POSTs to it are captured as method `response_url` with this id. */
  responseUrl(id: string): string {
    return `${this.url}/response/${encodeURIComponent(id)}`;
  }

  /**
   * Hosts a file as Slack does for a file shared with the bot: the object to put in a
   * `message` event's `files`, and what files.info answers for its id. Its url_private_download
   * answers the bytes to a bearer token and, like Slack, a 200 sign-in page (text/html) to a
   * request without one.
   */
  hostFile(name: string, bytes: Uint8Array, user = "U_UPLOADER"): HostedFile {
    const id = `F${++this.counter}`;
    this.hosted.set(id, Buffer.from(bytes));
    const url = `${this.url}/files-pri/T1-${id}/download/${encodeURIComponent(name)}`;
    const file = { id, name, title: name, user, size: bytes.byteLength, mimetype: "application/octet-stream", url_private: url, url_private_download: url };
    this.fileInfo.set(id, file);
    return file;
  }

  /** What users.info answers for a user (defaults: name = id, Asia/Shanghai, en-US). */
  setUser(user: FakeSlackUser): void {
    this.users.set(user.id, user);
  }

  /**
   * Answers calls to `method` this way, `times` times (default: until `clearScripts`), before
   * the default answer. Scripts for one method are used in the order they were added.
   */
  script(method: string, script: Script, options: { times?: number } = {}): void {
    const list = this.scripts.get(method) ?? [];
    list.push({ script, times: options.times ?? Infinity });
    this.scripts.set(method, list);
  }

  clearScripts(): void {
    this.scripts.clear();
  }

  /** Forgets captured calls and scripts (users stay). */
  reset(): void {
    this.calls.length = 0;
    this.clearScripts();
  }

  callsTo(method: string, id?: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method && (id === undefined || c.id === id));
  }

  /** The first call to `method` (after `from`, an index into `calls`) that matches, waiting for it up to `timeoutMs`. */
  async waitFor(method: string, match: (call: SlackCall) => boolean = () => true, options: { timeoutMs?: number; from?: number } = {}): Promise<SlackCall> {
    const deadline = Date.now() + (options.timeoutMs ?? 5_000);
    for (;;) {
      const found = this.calls.slice(options.from ?? 0).find((c) => c.method === method && match(c));
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => c.method + (c.id ? `:${c.id}` : "")).join(", ") || "nothing";
        throw new Error(`no matching ${method} call within ${options.timeoutMs ?? 5_000} ms; the fake saw: ${seen}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The POST to `responseUrl(id)`, waiting for it. */
  waitForResponse(id: string, options: { timeoutMs?: number; from?: number } = {}): Promise<SlackCall> {
    return this.waitFor("response_url", (c) => c.id === id, options);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin);
    const raw = await readBody(req);
    const download = /^\/files-pri\/[^/]+-(F\d+)\//.exec(url.pathname);
    if (req.method === "GET" && download) {
      const auth = req.headers.authorization;
      this.calls.push({ method: "file_download", id: download[1]!, path: url.pathname, body: {}, headers: req.headers, files: {}, ...(auth?.startsWith("Bearer ") ? { token: auth.slice(7) } : {}) });
      const bytes = this.hosted.get(download[1]!);
      if (!auth?.startsWith("Bearer ") || !bytes) return void res.writeHead(200, { "content-type": "text/html" }).end("<html>Sign in to Slack</html>");
      return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(bytes);
    }
    const [, area, rest] = /^\/(api|response|upload)\/(.+)$/.exec(url.pathname) ?? [];
    const method = area === "api" ? rest! : area === "response" ? "response_url" : area === "upload" ? "file_upload" : url.pathname;
    const { body, files } = await parseBody(req.headers, raw);
    const auth = req.headers.authorization;
    const call: SlackCall = {
      method,
      ...(area === "response" || area === "upload" ? { id: decodeURIComponent(rest!) } : {}),
      path: url.pathname,
      body,
      headers: req.headers,
      files,
      ...(auth?.startsWith("Bearer ") ? { token: auth.slice(7) } : typeof body.token === "string" ? { token: body.token } : {}),
    };
    this.calls.push(call);
    const answer = this.scripted(call) ?? this.defaultAnswer(call);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    const status = answer.status ?? 200;
    const payload = answer.body === undefined ? (status === 200 ? { ok: true } : { ok: false, error: "ratelimited" }) : answer.body;
    call.answer = payload;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...answer.headers }).end(JSON.stringify(payload));
  }

  private scripted(call: SlackCall): ScriptedAnswer | undefined {
    for (const entry of this.scripts.get(call.method) ?? []) {
      if (entry.times <= 0) continue;
      const answer = typeof entry.script === "function" ? entry.script(call) : entry.script;
      if (answer === undefined) continue;
      entry.times--;
      // A script that only delays still gets Slack's usual answer.
      return answer.status === undefined && answer.body === undefined ? { ...this.defaultAnswer(call), ...answer } : answer;
    }
    return undefined;
  }

  private defaultAnswer(call: SlackCall): ScriptedAnswer {
    const n = ++this.counter;
    const b = call.body;
    const ts = `1700000000.${String(n).padStart(6, "0")}`;
    switch (call.method) {
      case "auth.test":
        return { body: { ok: true, url: "https://fake.slack.com/", team: "Fake Team", user: "prospect", team_id: "T0FAKE", user_id: "UBOT", bot_id: "BBOT" } };
      case "users.info": {
        const id = String(b.user);
        const u = this.users.get(id) ?? { id };
        const name = u.name ?? id;
        return {
          body: {
            ok: true,
            user: {
              id, name, team_id: u.team_id ?? "T0FAKE", real_name: u.real_name ?? name, tz: u.tz ?? "Asia/Shanghai",
              ...(b.include_locale === "true" || b.include_locale === true ? { locale: u.locale ?? "en-US" } : {}),
              profile: { display_name: name, real_name: u.real_name ?? name },
            },
          },
        };
      }
      case "conversations.open":
        return { body: { ok: true, channel: { id: `D${String(b.users ?? "X").split(",")[0]}` } } };
      case "conversations.history": {
        // Posted messages, and the messages completed uploads share into the channel (with each file's name).
        const names = new Map(this.calls.filter((c) => c.method === "files.getUploadURLExternal").map((c) => [(c.answer as { file_id?: string })?.file_id, c.body.filename]));
        const messages = this.calls
          .filter((c) => (c.method === "chat.postMessage" && c.body.channel === b.channel) || (c.method === "files.completeUploadExternal" && c.body.channel_id === b.channel))
          .map((c, i) =>
            c.method === "chat.postMessage"
              ? { type: "message", ts: `posted.${i}`, text: c.body.text, ...(c.body.metadata ? { metadata: c.body.metadata } : {}) }
              : { type: "message", ts: `shared.${i}`, files: (c.body.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, name: names.get(f.id), title: f.title })) })
          .reverse();
        return { body: { ok: true, messages } };
      }
      case "chat.postMessage":
        return { body: { ok: true, channel: b.channel, ts, message: { text: b.text, blocks: b.blocks, ts } } };
      case "chat.postEphemeral":
        return { body: { ok: true, message_ts: ts } };
      case "chat.update":
        return { body: { ok: true, channel: b.channel, ts: b.ts } };
      case "views.open":
      case "views.push":
        return { body: { ok: true, view: { ...(b.view ?? {}), id: `V${n}` } } };
      case "views.update":
      case "views.publish":
        return { body: { ok: true, view: { ...(b.view ?? {}), id: b.view_id ?? `V${n}` } } };
      case "files.getUploadURLExternal":
        return { body: { ok: true, upload_url: `${this.origin}/upload/F${n}`, file_id: `F${n}` } };
      case "files.info": {
        const file = this.fileInfo.get(String(b.file));
        return { body: file ? { ok: true, file } : { ok: false, error: "file_not_found" } };
      }
      case "files.completeUploadExternal": {
        const files = (Array.isArray(b.files) ? b.files : []) as { id: string; title?: string }[];
        return { body: { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) } };
      }
      default:
        return { body: { ok: true } };
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function parseBody(headers: IncomingHttpHeaders, raw: Buffer): Promise<{ body: Record<string, any>; files: SlackCall["files"] }> {
  const type = headers["content-type"] ?? "";
  const files: SlackCall["files"] = {};
  if (raw.length === 0) return { body: {}, files };
  if (type.includes("application/json")) return { body: JSON.parse(raw.toString("utf8")) as Record<string, any>, files };
  if (type.includes("multipart/form-data")) {
    const form = await new Request("http://fake/", { method: "POST", headers: { "content-type": type }, body: new Uint8Array(raw) }).formData();
    const body: Record<string, any> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") body[key] = jsonish(value);
      else files[key] = { name: (value as File).name, size: value.size, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return { body, files };
  }
  const body: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw.toString("utf8"))) body[key] = jsonish(value);
  return { body, files };
}

/** The WebClient sends arrays and objects (blocks, view, metadata) as JSON strings inside the form. */
function jsonish(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
