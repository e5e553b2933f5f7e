"""Real-browser tests, in the three engines phones use, as Debian packages them: Chromium, driven
by Playwright for Python (the system's Chromium, never a downloaded one); Firefox ESR, over
WebDriver BiDi (tests/browser/bidi.py); WebKitGTK, Safari's engine, over classic WebDriver
(tests/browser/webkit.py). Each test that takes `browser` runs in all three.

Outside CI they skip, saying why, when a browser or Playwright is missing; with CI=true they
fail instead, since .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "ui"))
sys.path.insert(0, str(Path(__file__).parents[1] / "phones"))
sys.path.insert(0, str(Path(__file__).parent))  # bidi, webkit, scripted
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def _missing(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: .ci/run installs it, so CI must have it")
    pytest.skip(reason)


@pytest.fixture(scope="module", params=["chromium", "firefox", "webkit"])
def browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    driven: Any = None  # a browser of tests/browser/scripted.py's kind, closed after the module
    if request.param == "webkit":
        from webkit import WebKit, find_webkit

        driver = find_webkit()
        if driver is None:
            _missing("no WebKit driver, or no screen for it (apt-get install webkit2gtk-driver "
                     "xvfb)")
        driven = WebKit(driver)
    elif request.param == "firefox":
        from bidi import Firefox, find_firefox

        executable = find_firefox()
        if executable is None:
            _missing("no Firefox found (apt-get install firefox-esr)")
        driven = Firefox(executable)
    if driven is not None:
        try:
            yield driven
        finally:
            driven.close()
        return
    executable = next((p for p in CHROMIUM_PATHS if Path(p).exists()), shutil.which("chromium"))
    if executable is None:
        _missing("no Chromium found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture
def browser_name(browser: Any, request: pytest.FixtureRequest) -> str:
    name: str = request.node.callspec.params["browser"]
    return name
