// The live page, on the eventgate client (served at /client/index.js from clients/js): rooms joined
// and left, events shown as they arrive, a subscriber token kept in this page's memory only.
import { connect } from "./client/index.js";

const MAX_ROWS = 200;
// The rooms the service confirmed: those asked for at connect, then each joined and left frame.
const joined = new Set();
let eventCount = 0;

const $ = (id) => document.getElementById(id);
const scheme = location.protocol === "https:" ? "wss:" : "ws:";
const gate = connect(scheme + "//" + location.host + "/ws", { backoff: { baseMs: 500, maxMs: 10000 } });

function setStatus(text, state) {
  $("status").textContent = text;
  $("status").className = "status " + state;
}

gate.on("connecting", () => setStatus("connecting…", "connecting"));
gate.on("connected", ({ connectionId, sub }) => {
  setStatus("connected as " + (sub ? sub + " (" + connectionId + ")" : connectionId), "connected");
  joined.clear();
  gate.rooms.forEach((room) => joined.add(room));
  renderRooms();
});
gate.on("disconnected", ({ code, reason }) => {
  const why = code === 1008 && reason === "token expired" ? "token expired: enter a new one"
    : code === 1006 ? "refused or lost (is a token needed, or the service away?)" : "disconnected (" + code + ")";
  setStatus(why + ", reconnecting…", "closed");
});
gate.on("authenticated", ({ expiresAt }) =>
  setStatus("token refreshed, valid until " + new Date(expiresAt).toLocaleTimeString([], { hour12: false }), "connected"));
gate.on("joined", ({ room }) => {
  joined.add(room);
  renderRooms();
});
gate.on("left", ({ room }) => {
  joined.delete(room);
  renderRooms();
});
gate.on("error", ({ message }) => {
  $("publish-result").textContent = "server: " + message;
  $("publish-result").className = "result bad";
});
gate.on("*", showEvent);

function renderRooms() {
  const list = $("rooms");
  list.replaceChildren(...[...joined].sort().map((room) => {
    const item = document.createElement("li");
    item.textContent = room;
    const leave = document.createElement("button");
    leave.type = "button";
    leave.textContent = "×";
    leave.title = "Leave " + room;
    leave.setAttribute("aria-label", "Leave " + room);
    leave.onclick = () => gate.leave(room);
    item.append(leave);
    return item;
  }));
}

function showEvent(event) {
  const row = document.createElement("tr");
  row.className = "fresh event-row";
  const time = new Date(event.timestamp).toLocaleTimeString([], { hour12: false }) + "." + event.timestamp.slice(20, 23);
  for (const [text, css] of [[time, ""], [event.event, "name"], [event.room ?? "(everyone)", "room"],
    [JSON.stringify(event.data), "data"]]) {
    const cell = document.createElement("td");
    cell.textContent = text;
    if (css) cell.className = css;
    row.append(cell);
  }
  const body = $("events");
  body.prepend(row);
  while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  $("event-count").textContent = String(++eventCount);
}

$("join-form").onsubmit = (submitted) => {
  submitted.preventDefault();
  const room = $("room-input").value.trim();
  if (room) gate.join(room);
  $("room-input").value = "";
};

$("token-form").onsubmit = (submitted) => {
  submitted.preventDefault();
  const token = $("token-input").value.trim();
  if (token) gate.setToken(token);
};

$("publish-form").onsubmit = async (submitted) => {
  submitted.preventDefault();
  const result = $("publish-result");
  const body = { event: $("event-input").value.trim() };
  const room = $("publish-room-input").value.trim();
  if (room) body.room = room;
  const data = $("data-input").value.trim();
  if (data) {
    try {
      body.data = JSON.parse(data);
    } catch (invalid) {
      result.textContent = "data is not JSON: " + invalid.message;
      result.className = "result bad";
      return;
    }
  }
  const headers = { "Content-Type": "application/json" };
  const key = $("key-input").value;
  if (key) headers.Authorization = "Bearer " + key;
  const response = await fetch("/events", { method: "POST", headers, body: JSON.stringify(body) });
  const answer = await response.json();
  result.textContent = response.status === 202 ? "accepted " + answer.id : response.status + ": " + answer.detail;
  result.className = "result " + (response.status === 202 ? "ok" : "bad");
};
