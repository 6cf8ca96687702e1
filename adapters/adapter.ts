import type { IncomingMessage, ServerResponse } from "node:http";
import type { OutboundMessenger } from "../src/ports/outbound.ts";

/**
 * What every messenger adapter gives the entry point: HTTP routes to mount on the one shared
 * server (Slack's HTTP mode and Feishu's webhook share PORT), a start/stop for long-lived
 * connections (Socket Mode, Feishu's long connection), and the outbound port for the jobs.
 */
export interface PlatformAdapter {
  readonly name: string;
  readonly routes: HttpRoute[];
  readonly outbound: OutboundMessenger;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface HttpRoute {
  method: "POST";
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}
