"""What a viewer costs the server, without a browser: time to first byte and to a live kernel.

One probe is what a reader's browser asks of ``explainer serve``, done by plain sockets:
GET the page as a typed address does (``Sec-Fetch-*`` headers of a navigation), time
the response's first byte and its last; then connect to the page's kernel as Voilà's
page does (the channels websocket, same origin), ask for ``kernel_info`` and time the
kernel's "idle" that ends it; then leave as a closed tab does (the shutdown beacon with
the page's ``_xsrf`` cookie). No page is rendered, so the figures are the server's.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from dataclasses import dataclass
from http.cookies import SimpleCookie

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

NAVIGATION = {
    "Sec-Fetch-Dest": "document",
    "Sec-Fetch-Mode": "navigate",
    "Sec-Fetch-Site": "none",
    "Sec-Fetch-User": "?1",
    "Accept": "text/html",
}


@dataclass
class Probe:
    """One viewer's server-side figures (seconds); ``idle`` is None for the busy page."""

    status: int
    size: int
    first_byte: float
    last_byte: float
    idle: float | None


async def _get(port: int, path: str) -> tuple[int, float, float, bytes]:
    """Status, first and last byte times of a GET over a fresh connection."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = "".join(f"{k}: {v}\r\n" for k, v in NAVIGATION.items())
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{head}Connection: close\r\n\r\n".encode()
    )
    await writer.drain()
    first = await reader.readexactly(1)
    first_byte = time.perf_counter() - start
    rest = await reader.read()
    last_byte = time.perf_counter() - start
    writer.close()
    response = first + rest
    status = int(response.split(b" ", 2)[1])
    return status, first_byte, last_byte, response


async def _kernel_idle(port: int, kernel_id: str, cookie: str) -> None:
    """Open the kernel's channels as the page does and wait for kernel_info's "idle"."""
    session = uuid.uuid4().hex
    socket = await websocket_connect(
        HTTPRequest(
            f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels?session_id={session}",
            headers={"Origin": f"http://127.0.0.1:{port}", "Cookie": cookie},
        )
    )
    msg_id = uuid.uuid4().hex
    header = {"msg_id": msg_id, "msg_type": "kernel_info_request", "session": session,
              "username": "", "date": "", "version": "5.3"}  # fmt: skip
    message = {"header": header, "parent_header": {}, "metadata": {}, "content": {},
               "channel": "shell", "buffers": []}  # fmt: skip
    socket.write_message(json.dumps(message))
    try:
        while True:
            raw = await asyncio.wait_for(socket.read_message(), timeout=120)
            if raw is None:
                raise RuntimeError("the kernel's websocket closed")
            if isinstance(raw, bytes):
                continue  # binary frames carry widget buffers
            reply = json.loads(raw)
            if (
                reply.get("channel") == "iopub"
                and reply["header"]["msg_type"] == "status"
                and reply["parent_header"].get("msg_id") == msg_id
                and reply["content"].get("execution_state") == "idle"
            ):
                return
    finally:
        socket.close()


async def _leave(port: int, kernel_id: str, xsrf: str) -> None:
    """The page's shutdown beacon, as Voilà's template sends it on leaving."""
    client = AsyncHTTPClient()
    await client.fetch(
        f"http://127.0.0.1:{port}/voila/api/shutdown/{kernel_id}",
        method="POST", body=f"_xsrf={xsrf}",
        headers={"Cookie": f"_xsrf={xsrf}", "Origin": f"http://127.0.0.1:{port}",
                 "Content-Type": "application/x-www-form-urlencoded"},
        raise_error=False,
    )  # fmt: skip


async def probe(port: int, path: str = "/") -> Probe:
    """One viewer: the page, its kernel's first "idle", then leaving."""
    start = time.perf_counter()
    status, first_byte, last_byte, response = await _get(port, path)
    if status != 200:
        return Probe(status, len(response), first_byte, last_byte, None)
    head, _, body = response.partition(b"\r\n\r\n")
    cookies = SimpleCookie()
    for line in head.decode("latin-1").split("\r\n"):
        if line.lower().startswith("set-cookie:"):
            cookies.load(line.split(":", 1)[1].strip())
    xsrf = cookies["_xsrf"].value if "_xsrf" in cookies else ""
    found = re.search(rb'"kernelId":\s*"([0-9a-f-]+)"', body)
    if not found:
        raise RuntimeError("the page names no kernel")
    kernel_id = found[1].decode()
    await _kernel_idle(port, kernel_id, f"_xsrf={xsrf}")
    idle = time.perf_counter() - start
    await _leave(port, kernel_id, xsrf)
    return Probe(status, len(response), first_byte, last_byte, idle)


async def crowd(port: int, count: int) -> list[Probe]:
    """``count`` viewers at once."""
    return list(await asyncio.gather(*(probe(port) for _ in range(count))))
