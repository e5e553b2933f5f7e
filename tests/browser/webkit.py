"""WebKit for the browser tests: Debian's WebKitGTK, through its W3C WebDriver server.

Safari on phones is WebKit; Playwright's WebKit is a download, so this drives the engine Debian
packages (`webkit2gtk-driver`, whose MiniBrowser is a bare WebKitGTK window) over classic
WebDriver (HTTP and JSON). The driver holds one session, one browser, at a time, so each phone
page gets a driver and a browser of its own (its own storage, as a separate phone has).
MiniBrowser has no headless mode: without a `DISPLAY`, `Xvfb` gives it one. Its window is no
narrower than its toolbar allows (about 450 px of page), a little wider than the phone size
asked for.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from scripted import TIMEOUT, BrowserError, ScriptedPage, end_process, key_presses, pointer_press

DRIVER = "WebKitWebDriver"


def find_webkit() -> str | None:
    """The driver, when a screen can be had for its browser (a display, or Xvfb)."""
    driver = shutil.which(DRIVER)
    if driver is None or not (os.environ.get("DISPLAY") or shutil.which("Xvfb")):
        return None
    return driver


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class VirtualScreen:
    """An X server in memory for the browser windows, when there is no screen."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self._process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten",
             "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as told:
            number = told.readline().strip()  # Xvfb writes it once it accepts clients
        if not number:
            self._process.kill()
            raise BrowserError("Xvfb did not start")
        self.display = f":{number}"

    def close(self) -> None:
        end_process(self._process)


class WebKit:
    """Starts a driver and a browser for each phone page; ends them all on close."""

    def __init__(self, driver: str) -> None:
        self._driver = driver
        self._screen = None if os.environ.get("DISPLAY") else VirtualScreen()
        self._pages: list[WebKitPage] = []

    def new_context(self, viewport: dict[str, int], **_phone: Any) -> WebKitContext:
        """Playwright's `device_scale_factor`, `is_mobile` and `has_touch` have no WebDriver
        equivalent here: the page is drawn at one pixel per CSS pixel."""
        return WebKitContext(self, viewport)

    def open_page(self, viewport: dict[str, int]) -> WebKitPage:
        env = dict(os.environ)
        if self._screen is not None:
            env["DISPLAY"] = self._screen.display
        port = free_port()
        process = subprocess.Popen([self._driver, f"--port={port}"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        page = WebKitPage(process, f"http://127.0.0.1:{port}")
        self._pages.append(page)
        page.start()
        page.set_viewport_size(viewport)
        return page

    def close(self) -> None:
        for page in self._pages:
            page.close()
        if self._screen is not None:
            self._screen.close()


class WebKitContext:
    def __init__(self, browser: WebKit, viewport: dict[str, int]) -> None:
        self._browser, self._viewport = browser, viewport

    def new_page(self) -> WebKitPage:
        return self._browser.open_page(self._viewport)


class WebKitPage(ScriptedPage):
    """One WebKitGTK window, through its own driver."""

    def __init__(self, process: subprocess.Popen[bytes], address: str) -> None:
        self._process, self._address = process, address
        self._session = ""

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        if body is None and method == "POST":
            body = {}  # WebDriver wants a JSON object with every POST
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self._address + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT + 10) as reply:
                answer = json.loads(reply.read())
        except urllib.error.HTTPError as error:
            answer = json.loads(error.read() or b"{}")
            value = answer.get("value", {})
            raise BrowserError(f"{method} {path}: {value.get('error')}: "
                               f"{value.get('message')}") from None
        return answer.get("value")

    def _command(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        return self._request(method, f"/session/{self._session}{path}", body)

    def start(self) -> None:
        end = time.monotonic() + TIMEOUT
        while True:  # until the driver listens
            try:
                self._request("GET", "/status")
                break
            except (urllib.error.URLError, ConnectionError) as error:
                if time.monotonic() > end or self._process.poll() is not None:
                    raise BrowserError(f"{DRIVER} did not start: {error}") from None
                time.sleep(0.05)
        created = self._request("POST", "/session", {"capabilities": {"alwaysMatch": {}}})
        self._session = created["sessionId"]

    def set_viewport_size(self, size: dict[str, int]) -> None:
        # The window's size is set; the page inside it is smaller by the toolbar, so ask
        # once more for the difference.
        self._command("POST", "/window/rect", {"width": size["width"], "height": size["height"]})
        inner = self.evaluate("() => [window.innerWidth, window.innerHeight]")
        self._command("POST", "/window/rect", {
            "width": 2 * size["width"] - inner[0], "height": 2 * size["height"] - inner[1]})

    def goto(self, url: str) -> None:
        self._command("POST", "/url", {"url": url})

    def reload(self) -> None:
        self._command("POST", "/refresh")

    def run(self, expression: str) -> str:
        text: str = self._command("POST", "/execute/sync",
                                  {"script": f"return {expression};", "args": []})
        return text

    def screenshot(self, path: str) -> None:
        Path(path).write_bytes(base64.b64decode(self._command("GET", "/screenshot")))

    def tap(self, x: float, y: float) -> None:
        self._command("POST", "/actions", {"actions": [pointer_press(x, y)]})

    def keys(self, text: str) -> None:
        self._command("POST", "/actions", {"actions": [key_presses(text)]})

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):  # the driver is ended below anyway
            self._command("DELETE", "")
        end_process(self._process)
