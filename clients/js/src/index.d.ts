/** An event as the application receives it, once. */
export interface GateEvent {
  id: string;
  event: string;
  room?: string;
  data: unknown;
  timestamp: string;
  /** Its place in the history; the client resumes after the last one it got. */
  offset?: string;
}

export interface ConnectOptions {
  /** Rooms to be in from the first connect, and after every reconnect. */
  rooms?: string[];
  /** The subscriber token (JWT) for the first connect. */
  token?: string;
  /** Gives a fresh token: called before the current one expires, and before reconnecting with an expired one. */
  getToken?: () => Promise<string>;
  /** Reconnect delays: full jitter between 0 and min(maxMs, baseMs * 2^attempt). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** How often to ping; two periods without any frame close the socket as dead. Default 15000. */
  pingIntervalMs?: number;
  /** The WebSocket implementation; default the platform's. */
  WebSocket?: new (url: string) => WebSocket;
}

export type GateState = "connecting" | "connected" | "disconnected";

export interface Gate {
  readonly state: GateState;
  readonly rooms: string[];
  /** recovered: after a reconnect, whether every missed event came; false: reload the application's state. */
  on(event: "connected", handler: (detail: { connectionId: string; sub?: string; recovered?: boolean }) => void): () => void;
  on(event: "disconnected", handler: (detail: { code: number; reason: string }) => void): () => void;
  on(event: "connecting", handler: (detail: Record<string, never>) => void): () => void;
  on(event: "joined" | "left", handler: (detail: { room: string }) => void): () => void;
  on(event: "error", handler: (detail: { message: string }) => void): () => void;
  on(event: "authenticated", handler: (detail: { expiresAt: string }) => void): () => void;
  on(event: string, handler: (event: GateEvent) => void): () => void;
  join(room: string): void;
  leave(room: string): void;
  /** Uses this token from now on: refreshed in place on a socket that has one, else by connecting again. */
  setToken(token: string): void;
  close(): void;
}

export function connect(url: string, options?: ConnectOptions): Gate;
export function backoffDelay(attempt: number, options?: { baseMs?: number; maxMs?: number; random?: () => number }): number;
export function tokenExpiry(token: string): number | undefined;
