"""What the browser tests share: Debian's Chromium driven by Playwright, checked by axe-core.

A module of browser tests calls `require_chromium()` at import, defines a `site` fixture that
puts its data in place and returns the live server's address, and uses the `browser_page`
fixture from tests/conftest.py.
"""

import contextlib
import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def require_chromium() -> None:
    """Skip the calling module without Chromium; in CI (STYR_REQUIRE_BROWSER) fail instead."""
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("STYR_REQUIRE_BROWSER"):
        raise RuntimeError(f"Chromium is required for the browser tests but {CHROMIUM} is missing")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


@contextlib.contextmanager
def chromium_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)"
        for v in results.response["violations"]
    ]


def css_rgb(colour: str) -> tuple[float, float, float]:
    """A colour as the browser computes it, "rgb(27, 31, 36)" or "rgba(…)", as (r, g, b)."""
    numbers = colour[colour.index("(") + 1 : colour.index(")")].replace(",", " ").split()
    return tuple(float(n) for n in numbers[:3])


def contrast_ratio(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """WCAG 2.x contrast ratio of two sRGB colours (1 to 21)."""

    def luminance(rgb):
        def channel(value):
            c = value / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
