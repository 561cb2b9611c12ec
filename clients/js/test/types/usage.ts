// Checked by tsc --noEmit (JavaScriptClientIT): the shipped declarations describe the API as the
// README shows it, through the package's own "exports", and refuse what the API refuses.
import { connect, backoffDelay, tokenExpiry, type GateEvent, type Gate } from "@eventgate/client";
import { createPublisher } from "@eventgate/client/publisher";

const gate: Gate = connect("wss://events.example.com/ws", {
  rooms: ["orders:42"],
  token: "a.b.c",
  getToken: async () => "d.e.f",
  backoff: { baseMs: 500, maxMs: 30000 },
});
const off: () => void = gate.on("order.created", (event: GateEvent) => {
  const offset: string | undefined = event.offset;
  console.log(event.id, event.data, offset);
});
gate.on("connected", ({ connectionId, recovered }) => console.log(connectionId, recovered === false));
gate.on("disconnected", ({ code, reason }) => console.log(code.toFixed(), reason));
gate.join("orders:43");
gate.leave("orders:42");
gate.setToken("g.h.i");
off();
gate.close();
const delay: number = backoffDelay(3, { baseMs: 100 });
const expiry: number | undefined = tokenExpiry("a.b.c");

const publisher = createPublisher({ url: "https://events.example.com", apiKey: "key" });
const accepted: Promise<{ id: string; timestamp: string; offset?: string }> = publisher.publish(
  { event: "order.paid", room: "orders:42", data: { total: 12 } },
  { idempotencyKey: "pay-42" },
);

// @ts-expect-error rooms are names
connect("wss://events.example.com/ws", { rooms: [42] });
// @ts-expect-error a publish names its event
publisher.publish({ room: "orders:42" });
// @ts-expect-error the state is one of three
const state: "open" = gate.state;

export { delay, expiry, accepted, state };
