"""YAML's syntax errors told the way a pack author thinks about them.

PyYAML says "found a tab character that violates indentation" or "mapping values
are not allowed in this context". An author needs the place, what is wrong and how
to fix it: use spaces, put the text in quotes, close the list. `explain` looks at
the error and at the lines around it for the usual traps (a tab, a colon in
unquoted text, a quote or bracket left open, a line indented out of step) and says
so; anything else keeps YAML's words, located.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Final

from quiz.packs.yamlnodes import Scalar, YamlProblem

# "    prompt: text" or "  - id: text": the indent, the key and the value of a line.
_KEY_LINE: Final = re.compile(r"^(?P<indent>[ \t]*(?:- +)*)(?P<key>[^\s:#'\"\[\]{}][^:#]*?)"
                              r":(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_LOOK_BACK: Final = 12  # lines above an error searched for an open quote
_SHOWN_MAX: Final = 60  # a suggested fix longer than this is described, not shown
# " #1" right after unquoted text: meant as part of it (a comment has a space after '#').
_CUT_BY_COMMENT: Final = re.compile(r"^ #\S")


@dataclass(frozen=True)
class Explained:
    line: int
    column: int
    message: str


def explain(problem: YamlProblem, text: str) -> Explained:
    """An author's message for a syntax error in `text` (never raises)."""
    lines = text.splitlines()
    for trap in (_tab, _open_flow, _open_quote, _text_after_quote, _stray_closer, _colon,
                 _dash_in_value, _special_start, _indentation):
        found = trap(problem, lines)
        if found is not None:
            return found
    return Explained(problem.line, problem.column, problem.message)


# -- helpers ----------------------------------------------------------------

def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 1 <= number <= len(lines) else ""


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _quoted(value: str) -> str:
    """`value` as a quoted YAML text: single quotes when it holds double ones, else double."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def _fix(key: str, value: str) -> str:
    shown = f"{key}: {_quoted(value)}"
    return shown if len(shown) <= _SHOWN_MAX else f"{key}: \"...\" around the whole text"


def _syntax(problem: YamlProblem) -> bool:
    return problem.problem is not None


# -- the traps --------------------------------------------------------------

def _tab(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """A tab in the indentation of the error's line or the one above it."""
    if not _syntax(problem):
        return None
    for number in (problem.line, problem.line - 1):
        line = _line(lines, number)
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return Explained(number, lead.index("\t") + 1,
                             "this line is indented with a tab; use spaces, not tabs, to "
                             "indent (YAML counts only spaces; most editors can insert spaces "
                             "when Tab is pressed)")
    return None


def _open_flow(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """A '[' or '{' never closed: told at the bracket that opened it."""
    context = problem.context or ""
    if problem.context_at is None or "flow" not in context:
        return None
    line, column = problem.context_at
    opener = _line(lines, line)[column - 1: column]
    if opener not in ("[", "{"):  # "while parsing a flow node": the bracket is further up
        found = _unmatched_opener(lines, problem.line)
        if found is None:
            return None
        line, column, opener = found
    closer = "]" if opener == "[" else "}"
    what = "list" if opener == "[" else "mapping"
    return Explained(line, column,
                     f"this '{opener}' starts a {what} that is never closed: end it with "
                     f"'{closer}' after its last item, and separate the items with ','")


def _unmatched_opener(lines: list[str], last: int) -> tuple[int, int, str] | None:
    """The innermost '[' or '{' still open at the end of line `last` (quotes and comments
    skipped)."""
    open_at: list[tuple[int, int, str]] = []
    for number in range(1, min(last, len(lines)) + 1):
        line, index, quote = lines[number - 1], 0, ""
        while index < len(line):
            char = line[index]
            if quote:
                if char == "\\" and quote == '"':
                    index += 1
                elif char == quote:
                    quote = ""
            elif char in "\"'" and (index == 0 or line[index - 1] in " [{,:"):
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] == " "):
                break
            elif char in "[{":
                open_at.append((number, index + 1, char))
            elif char in "]}" and open_at:
                open_at.pop()
            index += 1
    return open_at[-1] if open_at else None


def _open_quote(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """A double-quoted text left open: it runs on into the next lines until YAML gives up."""
    if not _syntax(problem):
        return None
    if problem.context and "quoted scalar" in problem.context and problem.context_at:
        line, column = problem.context_at
        quote = _line(lines, line)[column - 1: column] or '"'
        return Explained(line, column, _open_quote_message(quote))
    first = max(1, problem.line - _LOOK_BACK)
    for number in range(problem.line - 1, first - 1, -1):
        opened = _unclosed_quote(_line(lines, number))
        if opened is not None:
            return Explained(number, opened + 1, _open_quote_message('"'))
    return None


def _open_quote_message(quote: str) -> str:
    inside = 'write a " inside the text as \\"' if quote == '"' else \
        "write a ' inside the text as ''"
    return (f"this {quote} opens a text that is never closed: add the closing {quote} at the "
            f"end of the text on this line ({inside})")


def _unclosed_quote(line: str) -> int | None:
    """Where a value's double quote opens with no closing one on the line."""
    found = _KEY_LINE.match(line)
    value = found.group("value") if found else None
    start = found.start("value") if found and value else None
    if value is None or start is None or not value.startswith('"'):
        return None
    index = 1
    while index < len(value):
        if value[index] == "\\":
            index += 2
            continue
        if value[index] == '"':
            return None
        index += 1
    return start


def _closing_quote(value: str) -> int | None:
    """Index of the quote that closes a value starting with one (None: not closed)."""
    quote = value[0]
    index = 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1: index + 2] == "'":
                index += 2  # '' is an apostrophe inside single quotes
                continue
            return index
        index += 1
    return None


def _text_after_quote(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """`prompt: "Who plays" Neil?` or `prompt: 'Who's Neil?'`: the quote closed early."""
    if not _syntax(problem):
        return None
    line = _line(lines, problem.line)
    found = _KEY_LINE.match(line)
    value = found.group("value") if found else None
    if found is None or not value or value[0] not in "'\"":
        return None
    close = _closing_quote(value)
    rest = value[close + 1:].strip() if close is not None else ""
    if close is None or not rest or rest.startswith("#") or rest[0] in ",]}":
        return None
    key = found.group("key")
    where = found.start("value") + close + 1
    if value[0] == "'" and value.endswith("'"):
        meant = value[1:-1].replace("''", "'")
        return Explained(problem.line, where,
                         "this ' ends the quoted text early (an apostrophe inside single "
                         f"quotes is written ''); use double quotes instead: {_fix(key, meant)}")
    return Explained(problem.line, where + 1,
                     f"the text goes on after its closing {value[0]}; put the whole text in "
                     f"quotes: {_fix(key, value)}")


def _stray_closer(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """A ']' or '}' with no opening bracket: `wrong: "A", "B"]`."""
    if not _syntax(problem):
        return None
    line = _line(lines, problem.line)
    found = _KEY_LINE.match(line)
    value = found.group("value") if found else None
    if found is None or not value:
        return None
    plain = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'', "", value)
    for opener, closer, what in (("[", "]", "list"), ("{", "}", "mapping")):
        if plain.count(closer) > plain.count(opener):
            column = found.start("value") + value.rindex(closer) + 1
            return Explained(problem.line, column,
                             f"this '{closer}' closes a {what} that was never opened: start "
                             f"it with '{opener}', as in {found.group('key')}: {opener}"
                             f"{value.rstrip(closer).strip()}{closer}")
    return None


def _colon(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """`prompt: Heat: who plays Neil?`: a second ': ' in unquoted text."""
    if problem.problem is None or "mapping values are not allowed" not in problem.problem:
        return None
    line = _line(lines, problem.line)
    found = _KEY_LINE.match(line)
    if found is None or not found.group("value"):
        return Explained(problem.line, problem.column,
                         "a ':' here is read as the end of a key; if it is part of a text, "
                         "put the text in quotes")
    key, value = found.group("key"), found.group("value")
    return Explained(problem.line, problem.column,
                     f"a ':' followed by a space inside unquoted text makes YAML read a key; "
                     f"put the text in quotes: {_fix(key, value)}")


def _dash_in_value(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """`explain: - text`: a dash after a key on the same line."""
    if problem.problem is None or "block sequence entries are not allowed" not in \
            problem.problem:
        return None
    found = _KEY_LINE.match(_line(lines, problem.line))
    if found is None or not found.group("value"):
        return None
    key, value = found.group("key"), found.group("value")
    return Explained(problem.line, problem.column,
                     f"a '- ' after '{key}:' on the same line would start a list; for a text "
                     f"that begins with a dash, put it in quotes: {_fix(key, value)}; for a "
                     "list, put each '- item' on a line of its own below the key")


def _special_start(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """Unquoted text starting with a character YAML keeps for itself: @ ` * & ! % | >."""
    if not _syntax(problem):
        return None
    found = _KEY_LINE.match(_line(lines, problem.line))
    value = found.group("value") if found else None
    if found is None or not value or value[0] not in "@`*&!%":
        return None
    if problem.column - 1 < found.start("value"):
        return None
    key = found.group("key")
    why = {"*": "it would be read as an alias, a reference to an '&' anchor",
           "&": "it would be read as an anchor", "!": "it would be read as a tag",
           "%": "it would be read as a directive"}.get(value[0], "YAML keeps it for itself")
    return Explained(problem.line, found.start("value") + 1,
                     f"unquoted text cannot start with '{value[0]}' ({why}); "
                     f"put the text in quotes: {_fix(key, value)}")


def _indentation(problem: YamlProblem, lines: list[str]) -> Explained | None:
    """A key indented more or less than the keys of its mapping."""
    if problem.problem is None or not (
            "did not find expected key" in problem.problem or
            "expected '-' indicator" in problem.problem):
        return None
    line = _line(lines, problem.line)
    above = next((n for n in range(problem.line - 1, 0, -1)
                  if _line(lines, n).strip() and
                  not _line(lines, n).lstrip().startswith("#")), None)
    if not line.strip() or above is None:
        return None
    above_line = _line(lines, above)
    here, there = _indent_of(line), _key_column(above_line)
    if problem.problem.endswith("'-' indicator") and here == _indent_of(above_line) and \
            above_line.lstrip().startswith("- "):
        return Explained(problem.line, here + 1,
                         f"this line is lined up with the list item on line {above} but has "
                         "no '- '; start it with '- ' if it is another item, or indent it "
                         "like the keys it belongs with")
    if here == there:
        return None
    more = "more" if here > there else "less"
    return Explained(problem.line, here + 1,
                     f"this line is indented {here} spaces, {more} than the {there} of line "
                     f"{above} above it; the keys of one question (or of 'pack') must line up "
                     "exactly, each under the one before")


def _key_column(line: str) -> int:
    """Where the key of a line starts: after its indent and any '- '."""
    match = re.match(r"^( *(?:- +)*)", line)
    return len(match.group(1)) if match else 0


def cut_by_comment(node: Scalar, key: str, lines: list[str]) -> str | None:
    """A warning when unquoted text was cut short by ' #', which YAML reads as a comment:
    `explain: He is #1 at it` is the text "He is". None when nothing was cut."""
    if not node.plain or not 1 <= node.line <= len(lines):
        return None
    line = lines[node.line - 1]
    start = node.column - 1
    if not line.startswith(node.value, start):
        return None  # the text spans lines: not this trap
    rest = line[start + len(node.value):]
    if not _CUT_BY_COMMENT.match(rest):
        return None
    whole = (node.value + rest).strip()
    return (f"the text stops before '{rest.strip()}': YAML reads ' #' as the start of a "
            f"comment; put the whole text in quotes to keep it: {_fix(key, whole)}")
