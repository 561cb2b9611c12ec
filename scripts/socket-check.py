#!/usr/bin/env python3
"""Through HOST:PORT: a socket joins room "image", a publish to it answers 202, the socket gets the
event. Python's standard library only, so that it runs wherever the image tests run."""
import base64
import json
import os
import socket
import sys
import urllib.request


def read_frame(conn):
    head = conn.recv(2, socket.MSG_WAITALL)
    length = head[1] & 0x7F
    if length == 126:
        length = int.from_bytes(conn.recv(2, socket.MSG_WAITALL), "big")
    elif length == 127:
        length = int.from_bytes(conn.recv(8, socket.MSG_WAITALL), "big")
    return json.loads(conn.recv(length, socket.MSG_WAITALL).decode("utf-8"))


def main(address):
    host, port = address.rsplit(":", 1)
    conn = socket.create_connection((host, int(port)), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    conn.sendall(("GET /ws?rooms=image HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (address, key)).encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += conn.recv(1)
    assert response.startswith(b"HTTP/1.1 101"), response
    welcome = read_frame(conn)
    assert welcome["type"] == "welcome", welcome
    request = urllib.request.Request("http://%s/events" % address, method="POST",
                                     data=b'{"event":"image.check","room":"image","data":{"ok":true}}',
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 202, answer.status
        accepted = json.load(answer)
    event = read_frame(conn)
    assert event["type"] == "event" and event["id"] == accepted["id"], event
    print("socket %s got event %s through %s" % (welcome["connectionId"], event["id"], address))


if __name__ == "__main__":
    main(sys.argv[1])
