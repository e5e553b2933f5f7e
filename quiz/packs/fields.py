"""Reading typed values out of composed YAML nodes, reporting what is wrong where.

`FieldReader` holds a file's diagnostics and the generic readers every part
of the pack format uses: keys of a mapping (unknown and repeated ones
reported), non-empty text, lists of texts, whole numbers, ids, booleans and
enum choices, each read the way docs/pack-format.md describes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Final, TypeVar

from quiz.packs.model import Diagnostic, Severity
from quiz.packs.yamlnodes import AnyNode, Mapping, Scalar, Sequence
from quiz.textsafe import control_at, describe_char

ID_PATTERN: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_INT_PATTERN: Final = re.compile(r"^[0-9]+$")
_TRUE: Final = frozenset({"true", "True", "TRUE"})
_FALSE: Final = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS: Final = frozenset(
    v for word in ("yes", "no", "on", "off", "y", "n") for v in (word, word.title(), word.upper())
)
_INT_TAG: Final = "tag:yaml.org,2002:int"
_BOOL_TAG: Final = "tag:yaml.org,2002:bool"
_NULLS: Final = frozenset({"", "~", "null", "Null", "NULL"})

_E = TypeVar("_E", bound=Enum)


def kind(node: AnyNode) -> str:
    """How a node is named in messages."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return "text"


def _text_hint(node: AnyNode) -> str:
    """Why YAML made something else of what was meant as text, and the fix."""
    if isinstance(node, Mapping) and len(node.pairs) == 1:
        return ("; a ':' followed by a space inside unquoted text starts a mapping: "
                "put the text in quotes")
    if isinstance(node, Sequence):
        return "; a text in [ ] or after '- ' is a list: remove them, or put the text in quotes"
    return ""


@dataclass
class FieldReader:
    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Counted as they are reported: each question compares counts before and after its
    # checks, and recounting the list there would make a file full of errors quadratic.
    error_count: int = 0

    # -- reporting ---------------------------------------------------------
    def error(self, node: AnyNode, message: str) -> None:
        self.error_at(node.line, node.column, message)

    def error_at(self, line: int, column: int, message: str) -> None:
        self.error_count += 1
        self.diagnostics.append(Diagnostic(Severity.ERROR, self.file, line, column, message))

    def warn(self, node: AnyNode, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(Severity.WARNING, self.file, node.line, node.column, message))

    # -- generic readers ---------------------------------------------------
    def fields(self, node: Mapping, allowed: tuple[str, ...], where: str) -> dict[str, AnyNode]:
        """The mapping's keys, with unknown and repeated keys reported."""
        found: dict[str, AnyNode] = {}
        first_seen: dict[str, Scalar] = {}
        for key_node, value in node.pairs:
            if not isinstance(key_node, Scalar):
                self.error(key_node, f"{where} keys must be plain words, not {kind(key_node)}")
                continue
            key = key_node.value
            if key in first_seen:
                # Two questions run together when the second one's '- ' is missing.
                dash = "; if a new question starts here, begin its first line with '- '" \
                    if where == "a question" and key == "id" else ""
                self.error(key_node, f"'{key}' is given twice in {where} "
                                     f"(first at line {first_seen[key].line}){dash}")
                continue
            first_seen[key] = key_node
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else \
                    f"; known keys: {', '.join(allowed)}"
                self.error(key_node, f"unknown key '{key}' in {where}{suggestion}")
                continue
            found[key] = value
        return found

    def text(self, node: AnyNode, name: str, limit: int | None = None) -> str | None:
        if not isinstance(node, Scalar):
            self.error(node, f"'{name}' must be text, not {kind(node)}{_text_hint(node)}")
            return None
        if node.plain and node.value in _NULLS or not node.value.strip():
            self.error(node, f"'{name}' is empty")
            return None
        value = node.value.strip()
        self.no_controls(node, name, node.value)
        if limit is not None and len(value) > limit:
            self.error(node, f"'{name}' is {len(value)} characters long; "
                             f"the limit is {limit}")
        return value

    def no_controls(self, node: Scalar, name: str, value: str) -> None:
        """Control characters are refused: a NUL breaks rendering, an ESC a terminal."""
        index = control_at(value)
        if index is not None:
            self.error(node, f"'{name}' holds the control character "
                             f"{describe_char(value[index])} at character {index + 1}; "
                             "pack texts may not hold control characters")

    def text_list(self, node: AnyNode, name: str, limit: int) -> list[tuple[Scalar, str]]:
        if not isinstance(node, Sequence):
            self.error(node, f"'{name}' must be a list of texts, not {kind(node)}")
            return []
        texts: list[tuple[Scalar, str]] = []
        for item in node.items:
            value = self.text(item, f"{name} item", limit)
            if value is not None and isinstance(item, Scalar):
                texts.append((item, value))
        return texts

    def integer(self, node: AnyNode, name: str) -> int | None:
        typed = isinstance(node, Scalar) and (node.plain or node.tag == _INT_TAG)
        digits = node.value if isinstance(node, Scalar) and typed else ""
        if _INT_PATTERN.match(digits) and (digits == "0" or not digits.startswith("0")):
            return int(digits, 10)
        if isinstance(node, Scalar) and _INT_PATTERN.match(digits):
            # YAML 1.1 would read 010 as the octal 8: refuse rather than guess
            self.error(node, f"'{name}' must be written without leading zeros, "
                             f"not '{node.value}'")
            return None
        shown = f"'{node.value}'" if isinstance(node, Scalar) else kind(node)
        self.error(node, f"'{name}' must be a whole number, not {shown}")
        return None

    def identifier(self, node: AnyNode, name: str) -> str | None:
        value = self.text(node, name)
        if value is not None and not ID_PATTERN.match(value):
            self.error(node, f"'{name}' must use lower-case letters, digits and single "
                             f"'-' between them (got '{value}')")
            return None
        return value

    def boolean(self, node: AnyNode, name: str) -> bool | None:
        if isinstance(node, Scalar) and (node.plain or node.tag == _BOOL_TAG):
            if node.value in _TRUE:
                return True
            if node.value in _FALSE:
                return False
            if node.value in _YAML11_BOOLS:
                self.error(node, f"'{name}' must be true or false; '{node.value}' is ambiguous "
                                 "(YAML 1.1 reads it as a boolean, YAML 1.2 as text)")
                return None
        if isinstance(node, Scalar) and not node.plain and \
                node.value.strip().lower() in {"true", "false"}:
            self.error(node, f"'{name}' must be the boolean {node.value.strip().lower()}, "
                             "not quoted text: remove the quotes")
            return None
        shown = f"'{node.value}'" if isinstance(node, Scalar) else kind(node)
        self.error(node, f"'{name}' of a truefalse question must be true or false, not {shown}")
        return None

    def distinct(self, entries: list[tuple[Scalar, str]], what: str) -> None:
        seen: dict[str, Scalar] = {}
        for node, value in entries:
            folded = value.casefold()
            if folded in seen:
                self.error(node, f"'{value}' appears twice among the {what} "
                                 f"(also at line {seen[folded].line})")
            else:
                seen[folded] = node

    def choose(self, node: AnyNode | None, enum: type[_E], default: _E, name: str) -> _E | None:
        if node is None:
            return default
        value = self.text(node, name)
        if value is None:
            return None
        options = [str(member.value) for member in enum]
        if value not in options:
            hint = difflib.get_close_matches(value, options, n=1)
            self.error(node, f"'{name}' must be one of {', '.join(options)}, not '{value}'" +
                       (f"; did you mean '{hint[0]}'?" if hint else ""))
            return None
        return enum(value)
