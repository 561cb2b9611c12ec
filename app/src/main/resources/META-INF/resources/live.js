// The live page: one socket to /ws, rooms joined and left, events shown as they arrive.
"use strict";

const MAX_ROWS = 200;
const rooms = new Set();
// The subscriber token lives in this variable only: never in storage, never in the page's URL.
let token = "";
let authenticated = false;
let socket = null;
let retryDelay = 500;
let eventCount = 0;

const $ = (id) => document.getElementById(id);

function setStatus(text, state) {
  $("status").textContent = text;
  $("status").className = "status " + state;
}

function send(frame) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(frame));
  }
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const params = [];
  if (rooms.size) params.push("rooms=" + [...rooms].map(encodeURIComponent).join(","));
  if (token) params.push("token=" + encodeURIComponent(token));
  const query = params.length ? "?" + params.join("&") : "";
  authenticated = false;
  socket = new WebSocket(scheme + "//" + location.host + "/ws" + query);
  socket.onmessage = (message) => receive(JSON.parse(message.data));
  socket.onclose = (closed) => {
    // 1001: this replica is going away; another one takes us at once.
    const delay = closed.code === 1001 ? 0 : retryDelay;
    retryDelay = Math.min(retryDelay * 2, 10000);
    const why = closed.code === 1008 && closed.reason === "token expired" ? "token expired: enter a new one"
      : closed.code === 1006 && token ? "refused or lost (is the token valid?)" : "disconnected (" + closed.code + ")";
    setStatus(why + ", reconnecting…", "closed");
    setTimeout(connect, delay);
  };
}

function receive(frame) {
  switch (frame.type) {
    case "welcome":
      retryDelay = 500;
      authenticated = Boolean(frame.sub);
      setStatus("connected as " + (frame.sub ? frame.sub + " (" + frame.connectionId + ")" : frame.connectionId),
        "connected");
      break;
    case "authenticated":
      setStatus("token refreshed, valid until " + new Date(frame.expiresAt).toLocaleTimeString([], { hour12: false }),
        "connected");
      break;
    case "joined":
      rooms.add(frame.room);
      renderRooms();
      break;
    case "left":
      rooms.delete(frame.room);
      renderRooms();
      break;
    case "event":
      showEvent(frame);
      break;
    case "error":
      $("publish-result").textContent = "server: " + frame.message;
      $("publish-result").className = "result bad";
      break;
  }
}

function renderRooms() {
  const list = $("rooms");
  list.replaceChildren(...[...rooms].sort().map((room) => {
    const item = document.createElement("li");
    item.textContent = room;
    const leave = document.createElement("button");
    leave.type = "button";
    leave.textContent = "×";
    leave.title = "Leave " + room;
    leave.setAttribute("aria-label", "Leave " + room);
    leave.onclick = () => send({ type: "leave", room });
    item.append(leave);
    return item;
  }));
}

function showEvent(frame) {
  const row = document.createElement("tr");
  row.className = "fresh event-row";
  const time = new Date(frame.timestamp).toLocaleTimeString([], { hour12: false }) + "." + frame.timestamp.slice(20, 23);
  for (const [text, css] of [[time, ""], [frame.event, "name"], [frame.room ?? "(everyone)", "room"],
    [JSON.stringify(frame.data), "data"]]) {
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
  if (room) send({ type: "join", room });
  $("room-input").value = "";
};

// A socket that has a token refreshes it in place; one without gets a new connection that carries it.
$("token-form").onsubmit = (submitted) => {
  submitted.preventDefault();
  token = $("token-input").value.trim();
  if (authenticated && token) {
    send({ type: "auth", token });
  } else if (socket) {
    socket.close(1000, "new token");
  }
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

connect();
