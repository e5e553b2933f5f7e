"""Firefox for the browser tests, over WebDriver BiDi (Firefox's own remote protocol).

Playwright's Firefox support needs either its own patched build (a download) or a newer
Firefox than Debian's ESR; the page only needs the few things a player does, so this drives
Debian's `firefox-esr` directly: one WebSocket to the browser, one user context (own storage,
as a separate phone has) and one tab per page, driven through tests/browser/scripted.py.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import aiohttp
from scripted import TIMEOUT, BrowserError, ScriptedPage, end_process, key_presses, pointer_press

FIREFOX_PATHS = ("/usr/bin/firefox-esr", "/usr/bin/firefox")
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


def find_firefox() -> str | None:
    return next((p for p in FIREFOX_PATHS if Path(p).exists()), shutil.which("firefox-esr"))


class Firefox:
    """A headless Firefox with a fresh profile, and a BiDi session to it."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="heat-quiz-firefox-")
        self._process = subprocess.Popen(
            [executable, "--headless", "--no-remote", "--profile", self._profile,
             "--remote-debugging-port=0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        address = self._address()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._ws: aiohttp.ClientWebSocketResponse[bool] | None = None
        self._http: aiohttp.ClientSession | None = None
        self._call(self._connect(address + "/session"))
        self.send("session.new", {"capabilities": {}})

    def _address(self) -> str:
        """Read Firefox's output (all of it, so its pipe never fills) until it names its port."""
        assert self._process.stderr is not None
        lines: queue.SimpleQueue[str] = queue.SimpleQueue()

        def read(stream: Any) -> None:
            for line in stream:
                lines.put(line)
            lines.put("")

        threading.Thread(target=read, args=(self._process.stderr,), daemon=True).start()
        seen = []
        end = time.monotonic() + TIMEOUT
        while (left := end - time.monotonic()) > 0:
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            if not line:
                break
            seen.append(line)
            found = LISTENING.search(line)
            if found:
                return found.group(1)
        self._process.kill()
        raise BrowserError("Firefox did not open its remote port:\n" + "".join(seen[-20:]))

    def _call(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(TIMEOUT + 5)

    async def _connect(self, url: str) -> None:
        self._http = aiohttp.ClientSession()
        self._ws = await self._http.ws_connect(url, max_msg_size=64 * 2**20)
        asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            waiter = self._waiting.pop(data.get("id", -1), None)
            if waiter is not None and not waiter.done():
                waiter.set_result(data)
        for waiter in self._waiting.values():
            waiter.set_exception(BrowserError("Firefox closed the connection"))

    async def _send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        assert self._ws is not None
        number = next(self._ids)
        waiter: asyncio.Future[dict[str, Any]] = self._loop.create_future()
        self._waiting[number] = waiter
        await self._ws.send_str(json.dumps({"id": number, "method": method, "params": params}))
        reply = await asyncio.wait_for(waiter, TIMEOUT)
        if reply.get("type") == "error":
            raise BrowserError(f"{method}: {reply.get('error')}: {reply.get('message')}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self._call(self._send(method, params))
        return result

    def new_context(self, viewport: dict[str, int], device_scale_factor: float = 1,
                    **_mobile: Any) -> FirefoxContext:
        """A phone of its own: its own storage (cookies, localStorage) and window size.
        Playwright's `is_mobile`/`has_touch` have no BiDi equivalent in this Firefox."""
        user = self.send("browser.createUserContext", {})["userContext"]
        return FirefoxContext(self, user, viewport, device_scale_factor)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the process is ended below in any case
            self._call(self._close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        end_process(self._process)
        shutil.rmtree(self._profile, ignore_errors=True)

    async def _close(self) -> None:
        if self._ws is not None:
            try:
                await asyncio.wait_for(self._send("browser.close", {}), 5)
            except (BrowserError, asyncio.TimeoutError, aiohttp.ClientError):
                pass
            await self._ws.close()
        if self._http is not None:
            await self._http.close()


class FirefoxContext:
    def __init__(self, browser: Firefox, user: str, viewport: dict[str, int],
                 scale: float) -> None:
        self._browser, self._user, self._viewport, self._scale = browser, user, viewport, scale

    def new_page(self) -> FirefoxPage:
        context = self._browser.send("browsingContext.create",
                                     {"type": "tab", "userContext": self._user})["context"]
        page = FirefoxPage(self._browser, context)
        page.set_viewport_size(self._viewport, self._scale)
        return page


class FirefoxPage(ScriptedPage):
    """One Firefox tab."""

    def __init__(self, browser: Firefox, context: str) -> None:
        self._browser, self._context = browser, context

    def _send(self, method: str, **params: Any) -> dict[str, Any]:
        return self._browser.send(method, {"context": self._context, **params})

    def set_viewport_size(self, size: dict[str, int], scale: float | None = None) -> None:
        params: dict[str, Any] = {"viewport": {"width": size["width"],
                                               "height": size["height"]}}
        if scale is not None:
            params["devicePixelRatio"] = scale
        self._send("browsingContext.setViewport", **params)

    def goto(self, url: str) -> None:
        self._send("browsingContext.navigate", url=url, wait="complete")

    def reload(self) -> None:
        self._send("browsingContext.reload", wait="complete")

    def run(self, expression: str) -> str:
        reply = self._browser.send("script.evaluate", {
            "expression": expression, "target": {"context": self._context},
            "awaitPromise": True})
        if reply.get("type") == "exception":
            details = reply.get("exceptionDetails", {})
            raise BrowserError(f"page script failed: {details.get('text')}")
        text: str = reply["result"]["value"]
        return text

    def screenshot(self, path: str) -> None:
        data = self._send("browsingContext.captureScreenshot")["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def tap(self, x: float, y: float) -> None:
        self._send("input.performActions", actions=[pointer_press(x, y)])

    def keys(self, text: str) -> None:
        self._send("input.performActions", actions=[key_presses(text)])
