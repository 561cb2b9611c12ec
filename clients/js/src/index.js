// The eventgate client: one socket to /ws, its rooms joined again after every reconnect, events
// handed to the application once each, the subscriber token refreshed before it expires.
// No dependencies: the platform's WebSocket (browsers, Node >= 22, or Node 20 with
// --experimental-websocket).

const PING_EVERY_MS = 15000;
const DEDUPE_WINDOW = 1000;
const REFRESH_BEFORE_MS = 30000;

/**
 * The delay before reconnect attempt `attempt` (0 for the first): "full jitter", a random time
 * between 0 and min(maxMs, baseMs * 2^attempt), so that many clients cut off at once do not come
 * back at once.
 * @param {number} attempt
 * @param {{baseMs?: number, maxMs?: number, random?: () => number}} [options]
 * @returns {number}
 */
export function backoffDelay(attempt, { baseMs = 500, maxMs = 30000, random = Math.random } = {}) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** The `exp` of a JWT, in milliseconds since the epoch; undefined when it has none that can be read. */
export function tokenExpiry(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const { exp } = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), "=")));
    return typeof exp === "number" ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects to an eventgate service.
 * @param {string} url the socket address, such as "wss://events.example.com/ws"
 * @param {import("./index.js").ConnectOptions} [options]
 * @returns {import("./index.js").Gate}
 */
export function connect(url, options = {}) {
  return new Gate(url, options);
}

class Gate {
  #url;
  #options;
  #rooms;
  #handlers = new Map();
  #seen = new Set();
  #socket = null;
  #attempt = 0;
  #closed = false;
  #token;
  #timers = new Set();
  #lastFrameAt = 0;
  #state = "disconnected";
  #authenticated = false;
  #lastOffset;

  constructor(url, options) {
    this.#url = url;
    this.#options = options;
    this.#rooms = new Set(options.rooms ?? []);
    this.#token = options.token;
    if (typeof globalThis.addEventListener === "function") {
      globalThis.addEventListener("online", this.#online);
    }
    this.#open();
  }

  /** The state: "connecting", "connected" or "disconnected". */
  get state() {
    return this.#state;
  }

  /** The rooms this client is in, or will be in once connected. */
  get rooms() {
    return [...this.#rooms];
  }

  /**
   * Calls `handler` for each event named `event` ("*" for every event), and for the state events
   * "connecting", "connected" ({connectionId, sub, recovered}: recovered is false after a reconnect
   * that could not get every missed event, when the application should reload its state),
   * "disconnected" ({code, reason}), "joined",
   * "left", "authenticated" ({expiresAt}) and "error" ({message}).
   */
  on(event, handler) {
    if (!this.#handlers.has(event)) this.#handlers.set(event, new Set());
    this.#handlers.get(event).add(handler);
    return () => this.#handlers.get(event)?.delete(handler);
  }

  join(room) {
    this.#rooms.add(room);
    this.#send({ type: "join", room });
  }

  leave(room) {
    this.#rooms.delete(room);
    this.#send({ type: "leave", room });
  }

  /**
   * Uses `token` from now on: refreshed on the open socket when it already has one, otherwise
   * by connecting again with it.
   */
  setToken(token) {
    this.#token = token;
    if (this.#state === "connected" && this.#authenticated) {
      this.#send({ type: "auth", token });
    } else {
      this.#socket?.close(1000, "new token");
    }
  }

  /** Closes the socket for good: no reconnect. */
  close() {
    this.#closed = true;
    this.#clearTimers();
    if (typeof globalThis.removeEventListener === "function") {
      globalThis.removeEventListener("online", this.#online);
    }
    this.#socket?.close(1000, "closed by the client");
  }

  #open() {
    if (this.#closed) return;
    this.#setState("connecting", {});
    const params = new URLSearchParams();
    if (this.#rooms.size) params.set("rooms", [...this.#rooms].join(","));
    if (this.#token) params.set("token", this.#token);
    // Resume: what was missed while away comes first, then the live events (docs/protocol.md section 4).
    if (this.#lastOffset) params.set("since", this.#lastOffset);
    const query = params.toString();
    const Socket = this.#options.WebSocket ?? globalThis.WebSocket;
    const socket = new Socket(this.#url + (query ? (this.#url.includes("?") ? "&" : "?") + query : ""));
    this.#socket = socket;
    socket.onmessage = (message) => this.#receive(message.data);
    socket.onclose = (closed) => this.#lost(socket, closed.code, closed.reason);
  }

  #receive(data) {
    this.#lastFrameAt = Date.now();
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    switch (frame.type) {
      case "welcome":
        this.#attempt = 0;
        this.#authenticated = Boolean(frame.sub);
        this.#setState("connected", { connectionId: frame.connectionId, sub: frame.sub, recovered: frame.recovered });
        this.#keepAlive();
        this.#scheduleRefresh();
        break;
      case "event":
        this.#deliver(frame);
        break;
      case "authenticated":
        this.#emit("authenticated", { expiresAt: frame.expiresAt });
        this.#scheduleRefresh();
        break;
      case "joined":
      case "left":
        this.#emit(frame.type, { room: frame.room });
        break;
      case "error":
        this.#emit("error", { message: frame.message });
        break;
      default:
        break;
    }
  }

  /** Once per event id, however often it arrives. */
  #deliver(frame) {
    if (this.#seen.has(frame.id)) return;
    this.#seen.add(frame.id);
    if (this.#seen.size > DEDUPE_WINDOW) this.#seen.delete(this.#seen.values().next().value);
    if (frame.offset) this.#lastOffset = frame.offset;
    const event = { id: frame.id, event: frame.event, room: frame.room, data: frame.data, timestamp: frame.timestamp,
      offset: frame.offset };
    this.#emit(frame.event, event);
    this.#emit("*", event);
  }

  #lost(socket, code, reason) {
    if (socket !== this.#socket) return;
    this.#clearTimers();
    this.#setState("disconnected", { code, reason });
    if (this.#closed) return;
    // 1001: the replica is stopping; another one takes the socket at once. So does a new token.
    const delay = code === 1001 || reason === "new token" ? 0 : backoffDelay(this.#attempt++, this.#options.backoff);
    this.#timer(delay, () => this.#reconnect());
  }

  async #reconnect() {
    if (this.#closed) return;
    if (this.#options.getToken && (!this.#token || this.#expiresSoon())) {
      try {
        this.#token = await this.#options.getToken();
      } catch (failure) {
        this.#emit("error", { message: "getToken failed: " + failure });
      }
    }
    this.#open();
  }

  #expiresSoon() {
    const expiry = tokenExpiry(this.#token);
    return expiry !== undefined && expiry - Date.now() < REFRESH_BEFORE_MS;
  }

  /** Asks getToken for a new token a little before the current one expires, and sends it on this socket. */
  #scheduleRefresh() {
    if (!this.#options.getToken || !this.#token) return;
    const expiry = tokenExpiry(this.#token);
    if (expiry === undefined) return;
    const lead = Math.min(REFRESH_BEFORE_MS, Math.max(0, (expiry - Date.now()) / 2));
    this.#timer(Math.max(0, expiry - Date.now() - lead), async () => {
      try {
        this.#token = await this.#options.getToken();
        this.#send({ type: "auth", token: this.#token });
      } catch (failure) {
        this.#emit("error", { message: "getToken failed: " + failure });
      }
    });
  }

  /** A socket that has heard nothing for two ping periods is dead, whatever the network says. */
  #keepAlive() {
    const every = this.#options.pingIntervalMs ?? PING_EVERY_MS;
    const tick = () => {
      if (Date.now() - this.#lastFrameAt > 2 * every) {
        this.#socket?.close(4000, "no answer to pings");
        return;
      }
      this.#send({ type: "ping" });
      this.#timer(every, tick);
    };
    this.#timer(every, tick);
  }

  #online = () => {
    if (this.#state === "disconnected" && !this.#closed) {
      this.#clearTimers();
      this.#reconnect();
    }
  };

  #send(frame) {
    // 1: OPEN, in every WebSocket implementation.
    if (this.#socket?.readyState === 1) this.#socket.send(JSON.stringify(frame));
  }

  #setState(state, detail) {
    this.#state = state;
    this.#emit(state, detail);
  }

  #emit(name, value) {
    for (const handler of this.#handlers.get(name) ?? []) {
      try {
        handler(value);
      } catch (failure) {
        queueMicrotask(() => {
          throw failure;
        });
      }
    }
  }

  #timer(delay, action) {
    const id = setTimeout(() => {
      this.#timers.delete(id);
      action();
    }, delay);
    this.#timers.add(id);
  }

  #clearTimers() {
    for (const id of this.#timers) clearTimeout(id);
    this.#timers.clear();
  }
}
