"""Content-Security-Policy sources for a document's own inline <style> blocks (pure).

Styr's pages have no inline styles, but the lägesrapport in HTML is a self-contained
document (it must read the same when downloaded and opened from disk), so its styles are
inside it. When Styr serves it, the policy allows exactly those blocks by their hash.
"""

import base64
import hashlib
import re

STYLE_BLOCK = re.compile(rb"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)


def style_hash_sources(document: bytes) -> list[str]:
    """`'sha256-…'` for each <style> block in the UTF-8 document, in order, without repeats.

    Browsers hash the block's text after the HTML parser has turned CR LF and lone CR into
    LF, so the same is done here before hashing.
    """
    sources = []
    for match in STYLE_BLOCK.finditer(document):
        text = match.group(1).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        digest = base64.b64encode(hashlib.sha256(text).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in sources:
            sources.append(source)
    return sources
