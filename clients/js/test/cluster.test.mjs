// Two replicas on one Redis behind a load balancer (a TCP proxy here): the replica the client is on
// gets SIGTERM, and the client loses no event. Needs EVENTGATE_URL (the replica that stays, which
// takes the publishes), EVENTGATE_OTHER_URL and EVENTGATE_OTHER_PID (the one that stops), as
// JavaScriptClientIT gives them.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { connect } from "../src/index.js";
import { createPublisher } from "../src/publisher.js";

const staying = process.env.EVENTGATE_URL ?? "";
const leaving = process.env.EVENTGATE_OTHER_URL ?? "";
const leavingPid = Number(process.env.EVENTGATE_OTHER_PID ?? "0");
const apiKey = process.env.EVENTGATE_API_KEY ?? "";

/** Sends each new connection to the first replica still in `upstreams`, as a load balancer does with ready pods. */
async function balancer(upstreams) {
  const ready = upstreams.map((url) => new URL(url));
  const server = net.createServer((client) => {
    const target = ready[0];
    const upstream = net.connect(Number(target.port), target.hostname);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on("error", end);
      socket.on("close", end);
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${server.address().port}/ws`,
    remove: (url) => ready.splice(ready.findIndex((each) => each.href === new URL(url).href), 1),
    close: () => server.close(),
  };
}

async function until(condition, what, ms = 20000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error("not within " + ms + " ms: " + what);
    }
    await sleep(10);
  }
}

test("in a cluster, the client on a replica that stops loses no event and sees none twice",
  { skip: leavingPid === 0 && "needs two replicas (JavaScriptClientIT)" }, async () => {
    const publisher = createPublisher({ url: staying, apiKey });
    const minted = await fetch(staying + "/tokens", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + apiKey },
      body: JSON.stringify({ sub: "mover", rooms: ["moving"] }),
    });
    const { token } = await minted.json();
    const lb = await balancer([leaving, staying]);
    const gate = connect(lb.url, { rooms: ["moving"], token });
    const states = [];
    for (const state of ["connected", "disconnected"]) {
      gate.on(state, (detail) => states.push({ state, ...detail }));
    }
    const received = [];
    gate.on("moving", (event) => received.push(event.id));
    try {
      await until(() => states.some((each) => each.state === "connected"), "connected");
      const published = [];
      let publishing = true;
      const publishes = (async () => {
        while (publishing && published.length < 1000) {
          published.push((await publisher.publish({ event: "moving", room: "moving", data: { n: published.length } })).id);
          await sleep(2);
        }
      })();
      await until(() => received.length >= 50, "events before the stop");
      lb.remove(leaving);
      process.kill(leavingPid, "SIGTERM");
      await until(() => states.some((each) => each.state === "disconnected"), "the stop");
      assert.equal(states.find((each) => each.state === "disconnected").code, 1001);
      await until(() => states.filter((each) => each.state === "connected").length === 2, "connected again");
      assert.equal(states.at(-1).recovered, true);
      await sleep(300);
      publishing = false;
      await publishes;
      const end = await publisher.publish({ event: "moving", room: "moving", data: { end: true } });
      published.push(end.id);
      await until(() => received.includes(end.id), "the last event");
      assert.deepEqual(received, published, "every event once, in order");
    } finally {
      gate.close();
      lb.close();
    }
  });
