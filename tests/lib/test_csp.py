"""Hash sources for a document's own <style> blocks, as browsers compute them."""

import base64
import hashlib

from styr.lib.csp import style_hash_sources


def source(text: bytes) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text).digest()).decode()}'"


def test_each_style_block_gets_the_hash_of_its_text():
    document = b"<html><head><style>\nbody { margin: 0 }\n</style><STYLE media=print>p{}</STYLE>"
    assert style_hash_sources(document) == [source(b"\nbody { margin: 0 }\n"), source(b"p{}")]


def test_line_breaks_are_hashed_as_the_html_parser_sees_them():
    assert style_hash_sources(b"<style>a{}\r\nb{}\rc{}</style>") == [source(b"a{}\nb{}\nc{}")]


def test_the_same_block_twice_is_listed_once_and_a_document_without_styles_gets_none():
    assert style_hash_sources(b"<style>a{}</style><style>a{}</style>") == [source(b"a{}")]
    assert style_hash_sources(b"<p>Ingen stil</p>") == []
