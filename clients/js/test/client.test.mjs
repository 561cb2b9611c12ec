// The client against the packaged service (started by ClientIT): subscriber auth on, an API key.
// EVENTGATE_URL is the service's base address, EVENTGATE_API_KEY one of its keys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { connect, backoffDelay, tokenExpiry } from "../src/index.js";
import { createPublisher } from "../src/publisher.js";

const base = process.env.EVENTGATE_URL ?? "http://127.0.0.1:8080";
const apiKey = process.env.EVENTGATE_API_KEY ?? "";
const socketUrl = base.replace(/^http/, "ws") + "/ws";
const publisher = createPublisher({ url: base, apiKey });

async function mint(sub, rooms, ttl = "PT10M") {
  const response = await fetch(base + "/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + apiKey },
    body: JSON.stringify({ sub, rooms, ttl }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).token;
}

/** Resolves with the next value `register` hands to its callback, or fails after `ms`. */
function next(register, ms = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("nothing within " + ms + " ms")), ms);
    const off = register((value) => {
      clearTimeout(timer);
      off?.();
      resolve(value);
    });
  });
}

test("backoff delays stay between 0 and the doubling ceiling, capped", () => {
  for (let attempt = 0; attempt < 40; attempt++) {
    const ceiling = Math.min(30000, 500 * 2 ** attempt);
    assert.equal(backoffDelay(attempt, { random: () => 0 }), 0);
    const top = backoffDelay(attempt, { random: () => 0.999999 });
    assert.ok(top <= ceiling && top >= ceiling * 0.99, `attempt ${attempt}: ${top} of ${ceiling}`);
  }
  assert.ok(backoffDelay(3, { baseMs: 100, maxMs: 250, random: () => 0.999999 }) <= 250);
});

test("reads the expiry of a token", async () => {
  const token = await mint("expiry", [], "PT1M");
  const expiry = tokenExpiry(token);
  assert.ok(Math.abs(expiry - (Date.now() + 60000)) < 5000);
  assert.equal(tokenExpiry("not a token"), undefined);
});

test("receives the events of its rooms and broadcasts; joins and leaves", async () => {
  const token = await mint("alice", ["c:*"]);
  const gate = connect(socketUrl, { rooms: ["c:1"], token });
  try {
    const connected = await next((done) => gate.on("connected", done));
    assert.equal(connected.sub, "alice");

    const first = next((done) => gate.on("order.created", done));
    const accepted = await publisher.publish({ event: "order.created", room: "c:1", data: { n: 1 } });
    assert.equal((await first).id, accepted.id);

    const joined = next((done) => gate.on("joined", done));
    gate.join("c:2");
    assert.equal((await joined).room, "c:2");
    const second = next((done) => gate.on("in.two", done));
    await publisher.publish({ event: "in.two", room: "c:2" });
    assert.equal((await second).room, "c:2");

    const left = next((done) => gate.on("left", done));
    gate.leave("c:2");
    await left;
    const seen = [];
    gate.on("*", (event) => seen.push(event.event));
    const marker = next((done) => gate.on("marker", done));
    await publisher.publish({ event: "after.leave", room: "c:2" });
    await publisher.publish({ event: "marker" });
    await marker;
    assert.deepEqual(seen, ["marker"]);
  } finally {
    gate.close();
  }
});

test("refreshes its token before it expires and stays connected past the first expiry", async () => {
  let minted = 0;
  const gate = connect(socketUrl, {
    token: await mint("bob", ["r"], "PT4S"),
    rooms: ["r"],
    getToken: async () => {
      minted++;
      return mint("bob", ["r"], "PT1H");
    },
  });
  try {
    await next((done) => gate.on("connected", done));
    const disconnects = [];
    gate.on("disconnected", (detail) => disconnects.push(detail));
    await new Promise((resolve) => setTimeout(resolve, 6000));
    assert.ok(minted >= 1, "getToken was called");
    assert.deepEqual(disconnects, []);
    const event = next((done) => gate.on("still.here", done));
    await publisher.publish({ event: "still.here", room: "r" });
    await event;
  } finally {
    gate.close();
  }
});

/** The platform's WebSocket, but every frame arrives twice, and the test can cut the connection. */
class Doubling {
  static last;
  /** While set, a new connection dials only once it settles: the test decides when a reconnect lands. */
  static held;
  constructor(url) {
    Doubling.last = this;
    const dial = () => {
      this.inner = new WebSocket(url);
      this.inner.onmessage = (message) => {
        this.onmessage?.(message);
        this.onmessage?.(message);
      };
      this.inner.onclose = (closed) => this.onclose?.(closed);
      if (this.closing) this.inner.close(...this.closing);
    };
    if (Doubling.held) Doubling.held.then(dial);
    else dial();
  }
  get readyState() {
    return this.inner?.readyState ?? 0;
  }
  send(data) {
    this.inner.send(data);
  }
  close(code, reason) {
    if (this.inner) this.inner.close(code, reason);
    else this.closing = [code, reason];
  }
  /** Closes the connection and reports the close code a stopping replica would have sent. */
  goAway() {
    const onclose = this.onclose;
    this.onclose = null;
    this.inner.onclose = () => onclose?.({ code: 1001, reason: "going away" });
    this.inner.close(4002, "the test plays a stopping replica");
  }
}

test("hands each event to the application once, even when it arrives twice", async () => {
  const gate = connect(socketUrl, { token: await mint("carol", ["twice"]), rooms: ["twice"], WebSocket: Doubling });
  try {
    await next((done) => gate.on("connected", done));
    const ids = [];
    gate.on("*", (event) => ids.push(event.id));
    const marker = next((done) => gate.on("marker.twice", done));
    const first = await publisher.publish({ event: "e", room: "twice" });
    const second = await publisher.publish({ event: "marker.twice", room: "twice" });
    await marker;
    assert.deepEqual(ids, [first.id, second.id]);
  } finally {
    gate.close();
  }
});

test("after a lost connection it reconnects by itself and is in its rooms again", async () => {
  const gate = connect(socketUrl, {
    token: await mint("dave", ["back:*"]),
    rooms: ["back:1"],
    WebSocket: Doubling,
    backoff: { baseMs: 50, maxMs: 200 },
  });
  try {
    await next((done) => gate.on("connected", done));
    const joined = next((done) => gate.on("joined", done));
    gate.join("back:2");
    await joined;
    const reconnected = next((done) => gate.on("connected", done));
    Doubling.last.close(4001, "cut by the test");
    await reconnected;
    assert.deepEqual(gate.rooms.sort(), ["back:1", "back:2"]);
    const event = next((done) => gate.on("back.again", done));
    await publisher.publish({ event: "back.again", room: "back:2" });
    await event;
  } finally {
    gate.close();
  }
});

test("after a lost connection it resumes: the events published while it was away come first", async () => {
  const gate = connect(socketUrl, {
    token: await mint("gina", ["away"]),
    rooms: ["away"],
    WebSocket: Doubling,
    backoff: { baseMs: 50, maxMs: 50 },
  });
  let release;
  try {
    await next((done) => gate.on("connected", done));
    const ids = [];
    gate.on("*", (event) => ids.push(event.id));
    const first = next((done) => gate.on("before", done));
    await publisher.publish({ event: "before", room: "away" });
    await first;
    // The reconnect waits until the event it must recover has been published, however short the
    // backoff's jitter turns out.
    Doubling.held = new Promise((resolve) => (release = resolve));
    const disconnected = next((done) => gate.on("disconnected", done));
    Doubling.last.close(4003, "cut by the test");
    await disconnected;
    const reconnected = next((done) => gate.on("connected", done));
    const missed = await publisher.publish({ event: "while.away", room: "away" });
    Doubling.held = undefined;
    release();
    assert.equal((await reconnected).recovered, true);
    const live = next((done) => gate.on("after", done));
    const after = await publisher.publish({ event: "after", room: "away" });
    await live;
    assert.deepEqual(ids.slice(1), [missed.id, after.id]);
  } finally {
    Doubling.held = undefined;
    release?.();
    gate.close();
  }
});

test("after 1001 (a replica stopping) it reconnects at once, whatever the backoff", async () => {
  const gate = connect(socketUrl, {
    token: await mint("frank", ["moving"]),
    rooms: ["moving"],
    WebSocket: Doubling,
    backoff: { baseMs: 60000, maxMs: 60000 },
  });
  try {
    await next((done) => gate.on("connected", done));
    const reconnected = next((done) => gate.on("connected", done), 3000);
    Doubling.last.goAway();
    await reconnected;
  } finally {
    gate.close();
  }
});

test("a publish retried after a failure keeps its Idempotency-Key and is delivered once", async () => {
  const keys = [];
  let calls = 0;
  const flaky = createPublisher({
    url: base,
    apiKey,
    backoff: { baseMs: 10, maxMs: 20 },
    fetch: async (url, init) => {
      keys.push(init.headers["Idempotency-Key"]);
      const response = await fetch(url, init);
      // The first answer is lost on its way back, as with a timeout: the event was accepted.
      if (++calls === 1) throw new Error("connection reset");
      return response;
    },
  });
  const gate = connect(socketUrl, { token: await mint("erin", ["once"]), rooms: ["once"] });
  try {
    await next((done) => gate.on("connected", done));
    const ids = [];
    gate.on("*", (event) => ids.push(event.id));
    const marker = next((done) => gate.on("marker.once", done));
    const accepted = await flaky.publish({ event: "paid", room: "once" });
    await publisher.publish({ event: "marker.once", room: "once" });
    const markerEvent = await marker;
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1]);
    assert.deepEqual(ids, [accepted.id, markerEvent.id]);
  } finally {
    gate.close();
  }
});
