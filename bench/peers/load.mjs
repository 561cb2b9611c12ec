// One load against one server: sockets spread over rooms (or none, for broadcasts), concurrent
// publishers over keep-alive HTTP, a warm-up, then a measured run. Prints one JSON line: frames
// delivered, missing and duplicated, and the server's CPU per delivered frame (from /proc, so
// the server must run on this machine). The server speaks eventgate's protocol (eventgate,
// ref-ws) or Socket.IO (nest-seed).
//
//   node load.mjs --url http://127.0.0.1:8080 --pid 1234 --protocol eventgate|socket.io \
//     --scenario rooms|broadcast --sockets 1000 --rooms 10 --events 20000 --warmup 5000 --publishers 32
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import http from "node:http";
import WebSocket from "ws";
import { io } from "socket.io-client";

const { values: o } = parseArgs({
  options: {
    url: { type: "string" }, pid: { type: "string" }, protocol: { type: "string", default: "eventgate" },
    scenario: { type: "string", default: "rooms" }, sockets: { type: "string", default: "1000" },
    rooms: { type: "string", default: "10" }, events: { type: "string", default: "20000" },
    warmup: { type: "string", default: "5000" }, publishers: { type: "string", default: "32" },
  },
});
const sockets = Number(o.sockets), rooms = Number(o.rooms), events = Number(o.events);
const warmup = Number(o.warmup), publishers = Number(o.publishers);
const broadcast = o.scenario === "broadcast";
const base = new URL(o.url);
const ticks = 100; // USER_HZ on Linux

/** The server's CPU time so far, in user space and in the kernel (mostly its socket writes). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(fields[11]) / ticks, system: Number(fields[12]) / ticks };
}

/**
 * The server's CPU time so far by kind of thread (its name without digits: the event loops, a
 * writer, the GC's), in user space and in the kernel, in seconds: where a frame's cost goes, without a profiler's own cost. Threads
 * that ended meanwhile are not counted.
 */
function cpuByThread(pid) {
  const byKind = {};
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let stat;
    try { stat = readFileSync(`/proc/${pid}/task/${task}/stat`, "utf8"); } catch { continue; }
    const kind = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).replace(/[0-9]+/g, "#");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const sum = byKind[kind] ?? { user: 0, kernel: 0 };
    byKind[kind] = { user: sum.user + Number(fields[11]) / ticks, kernel: sum.kernel + Number(fields[12]) / ticks };
  }
  return byKind;
}

const seen = [];
let delivered = 0, duplicates = 0;
function received(index, seq) {
  const mine = seen[index];
  if (mine.has(seq)) duplicates++; else mine.add(seq);
  delivered++;
}

function connectEventgate(index, room) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${base.host}/ws${room ? "?rooms=" + room : ""}`);
    socket.on("message", (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":"welcome"')) return resolve(socket);
      if (!text.startsWith('{"type":"event"')) return;
      const at = text.indexOf('"seq":') + 6;
      received(index, parseInt(text.slice(at, at + 12), 10));
    });
    socket.on("error", reject);
  });
}

function connectSocketIo(index, room) {
  return new Promise((resolve, reject) => {
    const socket = io(base.origin, { transports: ["websocket"], reconnection: false });
    socket.onAny((name, data) => {
      if (name === "bench.event") received(index, data.seq);
    });
    socket.on("connect", () => {
      if (!room) return resolve(socket);
      socket.once("joined", () => resolve(socket));
      socket.emit("join", room);
    });
    socket.on("connect_error", reject);
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: publishers });
function post(body) {
  return new Promise((resolve) => {
    const request = http.request({ host: base.hostname, port: base.port, path: "/events", method: "POST", agent,
      headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
    });
    request.on("error", () => resolve(0));
    request.end(body);
  });
}

const roomOf = (seq) => "room-" + (seq % rooms);
async function publish(from, to) {
  let next = from, refused = 0;
  await Promise.all(Array.from({ length: publishers }, async () => {
    for (let seq = next++; seq < to; seq = next++) {
      const body = JSON.stringify({ event: "bench.event", ...(broadcast ? {} : { room: roomOf(seq) }), data: { seq } });
      if ((await post(body)) !== 202) refused++;
    }
  }));
  return refused;
}

async function settle(expected) {
  let last = -1, quietSince = Date.now();
  while (delivered < expected && Date.now() - quietSince < 20000) {
    if (delivered !== last) { last = delivered; quietSince = Date.now(); }
    await sleep(20);
  }
}

const connect = o.protocol === "socket.io" ? connectSocketIo : connectEventgate;
const open = [];
for (let i = 0; i < sockets; i += 100) {
  const batch = [];
  for (let k = i; k < Math.min(sockets, i + 100); k++) {
    seen.push(new Set());
    batch.push(connect(k, broadcast ? "" : roomOf(k)));
  }
  open.push(...(await Promise.all(batch)));
}
const perEvent = broadcast ? sockets : sockets / rooms;
await publish(events, events + warmup);
await settle(warmup * perEvent);
delivered = 0; duplicates = 0;
seen.forEach((set) => set.clear());

const cpuBefore = cpuSeconds(o.pid);
const threadsBefore = cpuByThread(o.pid);
const clientBefore = process.cpuUsage();
const start = performance.now();
const refused = await publish(0, events);
await settle(events * perEvent);
const seconds = (performance.now() - start) / 1000;
const cpuAfter = cpuSeconds(o.pid);
const threadsAfter = cpuByThread(o.pid);
const kernel = cpuAfter.system - cpuBefore.system;
const cpu = cpuAfter.user - cpuBefore.user + kernel;
const client = process.cpuUsage(clientBefore);
/** CPU per delivered frame by kind of thread, user and kernel, largest first, those under 0.05 µs left out. */
const perFrame = (after, before = 0) => +((after - before) * 1e6 / delivered).toFixed(2);
const threads = Object.fromEntries(Object.entries(threadsAfter)
  .map(([kind, after]) => [kind, { user: perFrame(after.user, threadsBefore[kind]?.user),
    kernel: perFrame(after.kernel, threadsBefore[kind]?.kernel) }])
  .filter(([, cpu]) => cpu.user + cpu.kernel >= 0.05).sort(([, a], [, b]) => b.user + b.kernel - a.user - a.kernel));
let missing = 0;
seen.forEach((set, index) => {
  for (let seq = 0; seq < events; seq++) {
    if ((broadcast || roomOf(index) === roomOf(seq)) && !set.has(seq)) missing++;
  }
});
console.log(JSON.stringify({ frames: delivered, expected: events * perEvent, missing, duplicates, refused,
  seconds: +seconds.toFixed(2), framesPerSecond: Math.round(delivered / seconds),
  serverCpuSeconds: +cpu.toFixed(2), serverKernelSeconds: +kernel.toFixed(2), cpuPerFrameMicros: +(cpu * 1e6 / delivered).toFixed(2),
  clientCpuSeconds: +((client.user + client.system) / 1e6).toFixed(2), threadCpuPerFrameMicros: threads }));
open.forEach((socket) => (socket.close ? socket.close() : socket.disconnect()));
agent.destroy();
process.exit(0);
