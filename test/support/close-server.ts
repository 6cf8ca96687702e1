import type { Server } from "node:http";

/** Closes a test's HTTP server now: open keep-alive connections (an SDK's agent) would hold it. */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
