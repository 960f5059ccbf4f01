"""Reading a demo file: YAML with the line of every record and key, and a reader that checks
one record at a time and stops at the first problem with the file, the line and what is wrong.

Every section of the loader (organisation, plans, goals, managers, meetings, report texts)
reads through the same `Reader`, so all of them name bad lines the same way.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Set
from typing import Any, Literal, NoReturn, overload

import yaml
from django.core.exceptions import ValidationError


class DemoError(Exception):
    """A problem in the data file, with the line it is on."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source, self.line, self.message = source, line, message
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {message}")


class Node(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = Node()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_timestamp(loader, node):
    # PyYAML reads 2015-13-45 as a date and fails with a bare ValueError; say where.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({error})", node.start_mark
        ) from error


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@functools.lru_cache(maxsize=4)
def parse(text: str, source: str) -> Node:
    """The file's records with their line numbers. Cached: the tree is only read, and the
    test suite loads the same demo file hundreds of times."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise DemoError(source, line, f"not valid YAML: {error.problem or error}") from error
    if not isinstance(data, Node):
        raise DemoError(source, 1, "the file must be a mapping with 'municipality', 'people', …")
    return data


class Reader:
    """Checks one record at a time and says where a problem is."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, node: Any, message: str, key: str | None = None) -> NoReturn:
        """Stop with the message, at the key's line when there is one, else the record's."""
        line = getattr(node, "line", None)
        if key is not None and isinstance(node, Node):
            line = node.key_lines.get(key, line)
        raise DemoError(self.source, line, message)

    def mapping(self, node: Any, context: str, required: set, optional: Set = frozenset()):
        if not isinstance(node, Node):
            self.fail(node, f"{context} must be a mapping")
        unknown = [key for key in node if key not in required and key not in optional]
        if unknown:
            self.fail(node, f"{context} has unknown field {unknown[0]!r}", unknown[0])
        missing = sorted(required - node.keys())
        if missing:
            self.fail(node, f"{context} lacks {', '.join(missing)}")
        return node

    def items(self, node: Any, key: str, context: str) -> list:
        value = node.get(key) or []
        if not isinstance(value, list):
            self.fail(node, f"{context}: {key} must be a list", key)
        return value

    def text(self, node: Node, key: str, *, required: bool = True) -> str:
        value = node.get(key)
        if value is None:
            if required:
                self.fail(node, f"{key} is empty", key)
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(node, f"{key} must be text", key)
        return str(value).strip()

    def flag(self, node: Node, key: str) -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.fail(node, f"{key} must be true or false", key)
        return value

    @overload
    def date(self, node: Node, key: str, *, required: Literal[True]) -> dt.date: ...
    @overload
    def date(self, node: Node, key: str, *, required: bool = False) -> dt.date | None: ...

    def date(self, node: Node, key: str, *, required: bool = False) -> dt.date | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        self.fail(node, f"{key}: {value!r} is not a date in the form YYYY-MM-DD", key)

    def choice(self, node: Node, key: str, choices, *, default=None) -> str:
        value = node.get(key, default)
        if value not in choices.values:
            valid = ", ".join(choices.values)
            self.fail(node, f"{key}: {value!r} is not one of {valid}", key)
        return value

    def ref(self, node: Node, key: str, table: dict, kind: str):
        value = node.get(key)
        if value is None:
            return None
        if value not in table:
            self.fail(node, f"{key}: unknown {kind} {value!r}", key)
        return table[value]

    def save(self, node: Node, instance):
        try:
            instance.full_clean()
        except ValidationError as error:
            messages = "; ".join(
                f"{field}: {' '.join(str(m) for m in errs)}"
                for field, errs in error.message_dict.items()
            )
            self.fail(node, messages)
        instance.save()
        return instance
