"""Every public page on a 320 px wide screen and by keyboard, in a real Chromium.

A crawler starts at `/` and follows every same-origin link a citizen can follow (no sign-in,
no administration), so a page added and linked later is checked without editing this file.
"""

from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, get_resolver, resolve

from tests.browser import axe_violations, contrast_ratio, css_rgb, require_chromium

pytestmark = pytest.mark.browser

require_chromium()

PLAN = "styrning-och-ledning-2015-2016"
WIDTH = 320

# URL patterns that are not public pages: signing in, staff work, forms that only post.
NOT_PUBLIC = {
    # Plain text for load balancers (tests/test_health.py).
    "healthz",
    "readyz",
    "plans:my_actions",
    "plans:report_status",
    "plans:review_queue",
    "plans:review",
    "plans:status_export_xlsx",
    "plans:status_export_csv",
    "plans:status_import",
    "reports:publish",
    "reports:texts",
    "rounds:rounds",
    "rounds:round",
    "rounds:close",
    "imports:upload",
    "imports:save",
    "imports:publish_plan",
    "kolada:kpi_search",
    "kolada:link",
    # Attendance is personal data: signed in only (tests/meetings/test_browser.py lays the
    # rates page out); the public meetings page is crawled.
    "meetings:attendance",
    "meetings:manager",
    "meetings:meeting",
    "meetings:record_attendance",
    "meetings:import",
    "meetings:award",
    # Result contracts are personal data: signed in only (the coverage page's table scrolls
    # in its own labelled region, as every wide table does).
    "contracts:mine",
    "contracts:contract",
    "contracts:write",
    "contracts:accept",
    "contracts:follow_up",
    "contracts:coverage",
    # Signed in, or reached from a mail's link: tests/reminders/test_browser.py lays them out.
    "reminders:subscriptions",
    "reminders:unsubscribe",
}
NOT_PUBLIC_NAMESPACES = {"admin", "accounts"}
# The report's other formats are files, not pages: their links are followed, not laid out.
FILE_FORMATS = {"pdf", "docx", "md", "json"}
# One page per URL pattern for axe, which takes a second a page (the pages' variants share
# their templates; tests/portal/test_browser.py checks more); the reflow check, which is
# cheap, runs on every page reached.
AXE_PER_PATTERN = 1
MAX_PAGES = 400


@pytest.fixture
def site(live_server, django_user_model):
    """The live server with the whole demo and one published report, before Chromium starts."""
    import datetime as dt

    from styr.demo.loader import load_file
    from styr.plans.models import Plan
    from styr.reports.domain import publish_report

    load_file()
    strateg = django_user_model.objects.create_superuser("strateg", "s@example.org", "pw-12345")
    publish_report(Plan.objects.get(slug=PLAN), day=dt.date(2015, 9, 2), by=strateg)
    return live_server.url


def _pattern(path: str) -> str | None:
    """The URL pattern's name, with the format for reports ("reports:report html")."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    fmt = match.kwargs.get("format_name")
    return f"{match.view_name} {fmt}" if fmt else match.view_name


def _public(pattern: str) -> bool:
    name = pattern.split()[0]
    return name.split(":")[0] not in NOT_PUBLIC_NAMESPACES and name not in NOT_PUBLIC


def _public_patterns() -> set[str]:
    """Every public page pattern in the URL configuration (the report twice: its HTML
    format is a page of its own, kept or published)."""
    names = set()

    def walk(patterns, namespace=""):
        for entry in patterns:
            if hasattr(entry, "url_patterns"):
                walk(entry.url_patterns, f"{entry.namespace}:" if entry.namespace else namespace)
            elif entry.name:
                names.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns)
    public = {name for name in names if _public(name)}
    for name in ("reports:report", "reports:published_file"):
        if name in public:
            public.discard(name)
            public.add(f"{name} html")
    return public


def _crawl(page, site: str):
    """Visit every public page linked from `/` at 320 px. Yields (address, pattern, status)
    with the page loaded; links are collected before the next page is opened."""
    origin = urlsplit(site).netloc
    queue, seen = ["/"], {"/"}
    while queue and len(seen) <= MAX_PAGES:
        address = queue.pop(0)
        pattern = _pattern(urlsplit(address).path)
        response = page.goto(site + address)
        yield address, pattern, response.status
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(href)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            found = parts.path + (f"?{parts.query}" if parts.query else "")
            target = _pattern(parts.path)
            if found in seen or target is None or not _public(target):
                continue
            seen.add(found)
            if target.split()[-1] in FILE_FORMATS:
                continue
            queue.append(found)
    assert not queue, f"more than {MAX_PAGES} public pages: raise MAX_PAGES or crawl less"


def test_every_public_page_reflows_at_320_px_and_passes_axe(site, browser_page):
    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 640})
    too_wide, not_ok, violations, reached = {}, {}, {}, {}
    for address, pattern, status in _crawl(page, site):
        reached.setdefault(pattern, []).append(address)
        if status != 200:
            not_ok[address] = status
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide[address] = width
        if len(reached[pattern]) <= AXE_PER_PATTERN:
            found = axe_violations(page)
            if found:
                violations[address] = found

    assert too_wide == {}, (
        f"pages that scroll sideways at {WIDTH} px (address: scrollWidth): {too_wide}. "
        "Wrap a wide table in .table-scroll (role=region, tabindex=0, a label) and let long "
        "words wrap (overflow-wrap)."
    )
    assert violations == {}, f"axe at {WIDTH} px: {violations}"
    assert not_ok == {}, f"links from / that do not answer 200: {not_ok}"
    missing = _public_patterns() - set(reached)
    assert missing == set(), (
        f"public URL patterns no link from / reaches, so not checked here: {sorted(missing)}"
    )
    assert len(reached["portal:action"]) > 30 and len(reached["goals:goal"]) > 5


# What the focus ring sits on: the nearest opaque background around the element (the
# element's own, when the ring is drawn inside it), and the ring's own colour and width.
FOCUS_RING = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let node = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement;
  let background = "rgb(255, 255, 255)";
  for (; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    const alpha = colour.startsWith("rgba") ? parseFloat(colour.split(",")[3]) : 1;
    if (alpha === 1) { background = colour; break; }
  }
  const label = (el.getAttribute("aria-label") || el.textContent || el.name || el.id || "")
    .trim().slice(0, 40);
  return {
    what: `${el.tagName.toLowerCase()} ${label}`,
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    colour: style.outlineColor,
    background,
  };
}"""

FOCUS_PAGES = [
    f"/planer/{PLAN}/?as_of=2015-09-02",
    "/nacka/organisation/",
    "/nacka/indikatorer/vab-man/",
    "/nacka/medarbetarengagemang/",
    f"/planer/{PLAN}/lagesrapport/html/?as_of=2015-09-02",
]


def test_keyboard_focus_is_visible_with_at_least_3_to_1_contrast(site, browser_page):
    page = browser_page
    faint, stops = [], 0
    for path in FOCUS_PAGES:
        page.goto(f"{site}{path}")
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement === document.body"):
                break
            ring = page.evaluate(FOCUS_RING)
            stops += 1
            ratio = contrast_ratio(css_rgb(ring["colour"]), css_rgb(ring["background"]))
            if ring["style"] == "none" or ring["width"] < 2 or ratio < 3:
                faint.append(f"{path}: {ring['what']} ({ring['width']}px, {ratio:.1f}:1)")
    assert faint == []
    assert stops > 100  # the pages' links, form fields, summaries and scrolling tables


def test_the_old_focus_colour_was_too_faint_and_the_new_ring_is_not():
    white, header = (255, 255, 255), (0x12, 0x35, 0x5B)
    assert round(contrast_ratio((0xFF, 0xBF, 0x47), white), 1) == 1.6
    assert contrast_ratio(css_rgb("rgb(27, 31, 36)"), white) > 15
    assert contrast_ratio((0xFF, 0xBF, 0x47), header) > 7
