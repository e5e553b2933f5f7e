"""The part of Playwright's `Page` the phone tests use, for browsers driven over WebDriver.

A browser module (bidi.py for Firefox, webdriver.py for WebKit) supplies the few primitives
(open, reload, run a script, press at a point, type keys, take a picture, size the window);
`ScriptedPage` builds locators, waits, clicks and fills on them, so one test body drives
Chromium (through Playwright), Firefox and WebKit alike. Clicks and typing are real input
events (pointer and key actions), not JavaScript calls.
"""

from __future__ import annotations

import json
import subprocess
import time
from abc import ABC, abstractmethod
from typing import Any

TIMEOUT = 20.0
# The phone every page is opened as: Playwright's new_context arguments (the others take what
# their protocol can do of them).
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
         "is_mobile": True, "has_touch": True}

FIND = "(s, i) => document.querySelectorAll(s)[i] || null"
SHOWN = ("el => !!el && el.getClientRects().length > 0 && "
         "getComputedStyle(el).visibility !== 'hidden'")
BACKSPACE = "\ue003"  # WebDriver's key code


class BrowserError(RuntimeError):
    pass


def end_process(process: subprocess.Popen[Any]) -> None:
    """Ask a browser (or its driver, or its screen) to quit; kill it if it will not."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def call_source(function: str, args: tuple[Any, ...]) -> str:
    """An expression that calls `function` (JavaScript source) with JSON `args` and gives its
    result as JSON text, so every browser hands back plain strings."""
    return f"JSON.stringify(({function})(...{json.dumps(list(args))}) ?? null)"


class ScriptedPage(ABC):
    @abstractmethod
    def goto(self, url: str) -> None: ...

    @abstractmethod
    def reload(self) -> None: ...

    @abstractmethod
    def run(self, expression: str) -> str:
        """Evaluate a JavaScript expression that yields a string, and return it."""

    @abstractmethod
    def tap(self, x: float, y: float) -> None:
        """Press and release at a point of the viewport."""

    @abstractmethod
    def keys(self, text: str) -> None:
        """Type `text` into whatever has the focus, key by key."""

    @abstractmethod
    def screenshot(self, path: str) -> None: ...

    @abstractmethod
    def set_viewport_size(self, size: dict[str, int]) -> None: ...

    def evaluate(self, function: str, *args: Any) -> Any:
        return json.loads(self.run(call_source(function, args)))

    def wait_for_timeout(self, milliseconds: float) -> None:
        time.sleep(milliseconds / 1000)

    def wait_for_selector(self, selector: str, state: str = "visible") -> None:
        assert state == "visible", state
        self.locator(selector).wait_visible()

    def locator(self, selector: str) -> Locator:
        return Locator(self, selector, 0)

    def click(self, selector: str) -> None:
        self.locator(selector).click()

    def fill(self, selector: str, text: str) -> None:
        self.locator(selector).fill(text)


class Locator:
    def __init__(self, page: ScriptedPage, selector: str, index: int) -> None:
        self._page, self._selector, self._index = page, selector, index

    @property
    def first(self) -> Locator:
        return Locator(self._page, self._selector, 0)

    def nth(self, index: int) -> Locator:
        return Locator(self._page, self._selector, index)

    def _on(self, body: str) -> Any:
        return self._page.evaluate(f"(s, i) => {{ const el = ({FIND})(s, i); {body} }}",
                                   self._selector, self._index)

    def _name(self) -> str:
        return f"{self._selector} [{self._index}]"

    def is_visible(self) -> bool:
        return bool(self._on(f"return ({SHOWN})(el);"))

    def text_content(self) -> str | None:
        text: str | None = self._on("return el ? el.textContent : null;")
        return text

    def wait_visible(self) -> None:
        end = time.monotonic() + TIMEOUT
        while not self.is_visible():
            if time.monotonic() > end:
                raise BrowserError(f"{self._name()} never became visible")
            time.sleep(0.02)

    def _centre(self) -> tuple[float, float]:
        """Wait until the element can be pressed, bring it into view, give its centre."""
        end = time.monotonic() + TIMEOUT
        while True:
            box = self._on(f"""if (!({SHOWN})(el) || el.disabled) return null;
                el.scrollIntoView({{block: "center", inline: "center"}});
                const r = el.getBoundingClientRect();
                return [r.left + r.width / 2, r.top + r.height / 2];""")
            if box is not None:
                return float(box[0]), float(box[1])
            if time.monotonic() > end:
                raise BrowserError(f"{self._name()} never became clickable")
            time.sleep(0.02)

    def click(self) -> None:
        self._page.tap(*self._centre())

    def fill(self, text: str) -> None:
        self.click()  # the focus, as a finger gives it
        self._on("el.select(); return null;")
        self._page.keys(BACKSPACE)  # clears what was selected
        self._page.keys(text)


def pointer_press(x: float, y: float) -> dict[str, Any]:
    """A WebDriver pointer action source: move to (x, y) in the viewport, press, release."""
    return {"type": "pointer", "id": "finger", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": round(x), "y": round(y)},
                        {"type": "pointerDown", "button": 0},
                        {"type": "pointerUp", "button": 0}]}


def key_presses(text: str) -> dict[str, Any]:
    presses: list[dict[str, str]] = []
    for char in text:
        presses += [{"type": "keyDown", "value": char}, {"type": "keyUp", "value": char}]
    return {"type": "key", "id": "keyboard", "actions": presses}
