"""Reading untrusted YAML into located nodes, safely.

PyYAML's composers recurse once per level of nesting: the libyaml one
crashes the whole process near 30,000 levels and the pure one raises
RecursionError near 500. So this module composes the nodes itself from the
parser's event stream, with an explicit stack: depth, alias expansion and node
count are checked as each event arrives, and a hostile file is stopped before
anything large or deep is built.

It also skips PyYAML's implicit-tag resolver on purpose: the pack format reads
a plain scalar as the text the author wrote (`1989`, `no`, `12:30` stay text),
and the few fields that want a number or a boolean read it themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

import yaml

try:  # libyaml's parser is several times faster; the pure one is a fine fallback.
    from yaml import CSafeLoader as _EventSource
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventSource  # type: ignore[assignment]

MAX_DEPTH: Final = 16
MAX_NODES: Final = 2_000_000  # counted with aliases expanded
MAX_ALIASES: Final = 10_000

# Tags a pack may spell out; anything else (notably !!python/...) is refused.
_STANDARD_TAGS: Final = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "bool", "null", "seq", "map", "float")
)


@dataclass(eq=False, slots=True)
class Node:
    line: int  # 1-based
    column: int  # 1-based
    tag: str | None


@dataclass(eq=False, slots=True)
class Scalar(Node):
    value: str
    plain: bool  # unquoted: the only style in which true/false and numbers are typed


@dataclass(eq=False, slots=True)
class Sequence(Node):
    items: list[AnyNode] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Mapping(Node):
    pairs: list[tuple[AnyNode, AnyNode]] = field(default_factory=list)


AnyNode = Scalar | Sequence | Mapping


class YamlProblem(Exception):
    """A located reason the file cannot be read as YAML at all.

    For a syntax error it also keeps PyYAML's own words (`problem`, `context` and where
    the context began), for quiz.packs.yamltraps to explain in an author's terms, and the
    `partial` tree: the top level as far as it was whole before the error (with the
    questions finished by then), or None when the error is not between or inside them.
    """

    def __init__(self, line: int, column: int, message: str, problem: str | None = None,
                 context: str | None = None, context_at: tuple[int, int] | None = None,
                 partial: Mapping | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.problem = problem
        self.context = context
        self.context_at = context_at
        self.partial = partial


@dataclass(eq=False, slots=True)
class _Open:
    node: Sequence | Mapping
    anchor: str | None
    size: int = 1
    height: int = 1
    pending_key: AnyNode | None = None
    has_key: bool = False


@dataclass(frozen=True)
class _Anchored:
    node: AnyNode
    size: int
    height: int


def _where(mark: object) -> tuple[int, int]:
    line = getattr(mark, "line", 0)
    column = getattr(mark, "column", 0)
    return int(line) + 1, int(column) + 1


def _problem_from_yaml_error(error: yaml.YAMLError,
                             partial: Mapping | None = None) -> YamlProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = _where(mark) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error).strip().splitlines()[-1]
    if "maximum nesting depth" in str(problem):  # libyaml's own flow-depth guard
        return YamlProblem(line, column, f"nesting is deeper than {MAX_DEPTH} levels")
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    text = f"{context}, {problem}" if context else str(problem)
    return YamlProblem(line, column, f"YAML syntax: {text}", str(problem),
                       str(context) if context else None,
                       _where(context_mark) if context_mark is not None else None, partial)


def _partial(stack: list[_Open]) -> Mapping | None:
    """What was whole of the top level when a syntax error stopped the parser: its finished
    keys, and the finished questions when the error is among them. None when the error is
    inside another part (`pack`, `categories`): what is there of it would mislead."""
    if not stack or not isinstance(stack[0].node, Mapping):
        return None
    top = stack[0]
    pairs = list(top.node.pairs)  # type: ignore[union-attr]
    if len(stack) > 1:
        key = top.pending_key
        inside = stack[1].node
        if not (isinstance(key, Scalar) and key.value == "questions" and
                isinstance(inside, Sequence)):
            return None
        # The question the error is in has not been attached: only whole ones are checked.
        # An error between questions may have cut the last one short: it is left out too.
        items = list(inside.items) if len(stack) > 2 else list(inside.items[:-1])
        pairs.append((key, Sequence(inside.line, inside.column, inside.tag, items)))
    node = top.node
    return Mapping(node.line, node.column, node.tag, pairs)


def compose(text: str) -> AnyNode | None:
    """Compose the single document in `text`; None when the file holds no document.

    Raises YamlProblem for syntax errors and for breaches of the safety limits.
    """
    source = _EventSource(text)
    stack: list[_Open] = []
    try:
        return _compose_events(source, stack)
    except yaml.YAMLError as error:
        raise _problem_from_yaml_error(error, _partial(stack)) from None
    finally:
        source.dispose()


def _compose_events(source: yaml.SafeLoader | yaml.CSafeLoader,
                    stack: list[_Open]) -> AnyNode | None:
    anchors: dict[str, _Anchored | None] = {}  # None: anchored node still open
    root: AnyNode | None = None
    documents = 0
    total_nodes = 0
    aliases = 0

    def attach(node: AnyNode, size: int, height: int, anchor: str | None) -> None:
        nonlocal root, total_nodes
        total_nodes += size
        if total_nodes > MAX_NODES:
            raise YamlProblem(node.line, node.column,
                              f"the file expands to more than {MAX_NODES:,} values")
        if anchor is not None:
            anchors[anchor] = _Anchored(node, size, height)
        if not stack:
            root = node
            return
        parent = stack[-1]
        parent.size += size
        parent.height = max(parent.height, height + 1)
        if len(stack) + height > MAX_DEPTH:
            raise YamlProblem(node.line, node.column,
                              f"nesting is deeper than {MAX_DEPTH} levels")
        if isinstance(parent.node, Sequence):
            parent.node.items.append(node)
        elif not parent.has_key:
            parent.pending_key, parent.has_key = node, True
        else:
            assert parent.pending_key is not None
            parent.node.pairs.append((parent.pending_key, node))
            parent.pending_key, parent.has_key = None, False

    def check_tag(tag: str | None, line: int, column: int) -> None:
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
            raise YamlProblem(line, column, f"the tag {tag!r} is not allowed in a pack")

    scalar_event = yaml.ScalarEvent
    while source.check_event():
        event: Any = source.get_event()  # the stubs allow None; check_event said there is one
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if type(event) is scalar_event:  # by far the most common event: keep it short
            if event.tag is not None:
                check_tag(event.tag, line, column)
            # libyaml reports a plain scalar's style as '', the pure parser as None
            plain = not event.style and event.tag is None
            attach(Scalar(line, column, event.tag, event.value, plain), 1, 1, event.anchor)
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(line, column,
                                  "a pack file holds one YAML document; found a second '---'")
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            check_tag(event.tag, line, column)
            if len(stack) + 1 > MAX_DEPTH:
                raise YamlProblem(line, column, f"nesting is deeper than {MAX_DEPTH} levels")
            container: Sequence | Mapping
            if isinstance(event, yaml.SequenceStartEvent):
                container = Sequence(line, column, event.tag)
            else:
                container = Mapping(line, column, event.tag)
            if event.anchor is not None:
                anchors[event.anchor] = None
            stack.append(_Open(container, event.anchor))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            done = stack.pop()
            attach(done.node, done.size, done.height, done.anchor)
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlProblem(line, column, f"more than {MAX_ALIASES:,} aliases")
            if event.anchor not in anchors:
                raise YamlProblem(line, column,
                                  f"the alias *{event.anchor} has no anchor; if this is text "
                                  "that starts with '*', put the text in quotes")
            target = anchors[event.anchor]
            if target is None:
                raise YamlProblem(line, column,
                                  f"the alias *{event.anchor} refers to a value that contains it")
            attach(target.node, target.size, target.height, None)
    return root
