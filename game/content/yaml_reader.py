"""Safe, located YAML: file bytes -> plain values plus the line/column of every key and value.

Only `yaml.SafeLoader`'s composer is used, so nothing is ever constructed from a tag. The
plain values are built here from the node tree, which lets us explain YAML 1.1 surprises
(`no` read as false, `017` read as octal), refuse tags and aliases, and keep marks.

Lines and columns are what an editor shows: lines end only at LF, CR LF or CR, and columns count
characters. YAML 1.1 also ends a line at U+0085, U+2028 and U+2029, which editors do not (and
YAML 1.2 no longer does); those characters are kept out of the parser's sight and put back in
the values, so that they neither shift every later line number nor break a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import NO_MARK, Mark

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40  # a deck needs about 8 levels; deeper is a mistake or an attack
MAX_DIGITS = 18  # every number in a deck is small; more digits is a mistake (and 4,300 crash int())
MAX_SPECIAL_REPORTS = 20  # a file full of control characters is one mistake, not a thousand

Path_ = tuple  # a path into the plain value: str keys and int indexes

_STD = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_STD + t for t in ("str", "int", "float", "bool", "null"))
TIMESTAMP, SEQ, MAP = _STD + "timestamp", _STD + "seq", _STD + "map"
_PLAIN_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_YAML11_INT = re.compile(
    r"""[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+""",
    re.X,
)
ALIAS_MESSAGE = "anchors and aliases (&name / *name) are not allowed; write the value out"
NOT_PLAIN = "a deck holds only plain text, numbers, lists and mappings"
_PLAIN_FLOAT = re.compile(r"[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?")


@dataclass
class YamlIssue:
    """A problem found while reading, at a path in the file's value (section/key are found later)."""

    path: Path_
    mark: Mark
    message: str


@dataclass
class YamlFile:
    """What a YAML file holds, where each part of it is, and what went wrong reading it."""

    value: Any = None
    key_marks: dict = field(default_factory=dict)  # path -> mark of the key (or list item)
    value_marks: dict = field(default_factory=dict)  # path -> mark of the value
    issues: list[YamlIssue] = field(default_factory=list)
    raw: bytes = b""
    readable: bool = False  # False when the file could not be read or parsed at all

    def mark(self, path: Path_, at_key: bool = False) -> Mark:
        """The mark of `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        marks = self.key_marks if at_key else self.value_marks
        while path:
            if path in marks:
                return marks[path]
            path = path[:-1]
        return self.value_marks.get((), NO_MARK)


def _mark(node: Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def position(text: str, index: int) -> Mark:
    """(line, column) of `text[index]` as an editor shows it: lines end at LF, CR LF or CR only;
    the column counts characters from 1."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return (line, index - start + 1)


def _byte_position(data: bytes, index: int) -> Mark:
    """The editor's position of byte `index` in `data`, whose bytes before it are UTF-8 text."""
    before = data[:index].decode("utf-8", errors="replace")
    return position(before, len(before))


# YAML 1.1 (and so PyYAML and libyaml) allows these characters and no others.
_NOT_ALLOWED = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_CHARACTER_NAMES = {"\x1b": "ESC (escape)", "\x7f": "DEL", "\x08": "backspace", "\x0b": "vertical tab",
                    "\x0c": "form feed", "\ufffe": "a non-character", "\uffff": "a non-character"}
_SEPARATORS = "\x85\u2028\u2029"  # line ends to YAML 1.1, ordinary characters to an editor


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag


def read_yaml(path: Path) -> YamlFile:
    """Read one YAML file; never raises for bad content (problems go into `issues`)."""
    result = YamlFile()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            result.issues.append(YamlIssue((), NO_MARK, f"the file is {size:,} bytes; a deck file holds at most 1 MiB"))
            return result
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        result.issues.append(YamlIssue((), NO_MARK, f"cannot be read: {e.strerror or e}"))
        return result
    if len(data) > MAX_FILE_BYTES:
        result.issues.append(YamlIssue((), NO_MARK, "the file is larger than 1 MiB; a deck file holds at most 1 MiB"))
        return result
    result.raw = data
    text = _decode(data, result)
    if text is None:
        return result
    if _special_characters(text, result):
        return result
    hidden, restore = _hide_separators(text)
    node = _compose(hidden, result, text)
    if result.issues:
        return result
    result.readable = True
    if node is None:
        result.value = None
        result.value_marks[()] = (1, 1)
        return result
    _Converter(result, restore).convert_root(node)
    return result


def _special_characters(text: str, result: YamlFile) -> bool:
    """Report every character YAML does not allow in a text file, at its place; True if any."""
    found = list(_NOT_ALLOWED.finditer(text))
    for match in found[:MAX_SPECIAL_REPORTS]:
        ch = match.group()
        name = _CHARACTER_NAMES.get(ch, "a control character")
        result.issues.append(YamlIssue(
            (), position(text, match.start()),
            f"holds {name} (U+{ord(ch):04X}) here, which a deck file cannot hold; delete it "
            "(it is often invisible: retype the text around it)"))
    if len(found) > MAX_SPECIAL_REPORTS:
        last = found[-1]
        result.issues.append(YamlIssue(
            (), position(text, last.start()),
            f"holds {len(found) - MAX_SPECIAL_REPORTS} more such characters (the last one here); "
            "is this a text file?"))
    return bool(found)


def _hide_separators(text: str) -> tuple[str, dict[int, str] | None]:
    """`text` with U+0085, U+2028 and U+2029 replaced by private-use characters the file does not
    hold, and the table that puts them back (None when there was nothing to hide)."""
    present = [ch for ch in _SEPARATORS if ch in text]
    if not present:
        return text, None
    used = set(text)
    free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in used)
    stand_ins = {ch: next(free) for ch in present}
    hidden = text.translate({ord(ch): sub for ch, sub in stand_ins.items()})
    return hidden, {ord(sub): ch for ch, sub in stand_ins.items()}


def _decode(data: bytes, result: YamlFile) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        result.issues.append(
            YamlIssue((), _byte_position(data, nul), "holds a NUL byte: this is not a text file; save it as UTF-8 text")
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        result.issues.append(YamlIssue((), _byte_position(data, e.start), _not_utf8(data, e.start)))
        return None


def _not_utf8(data: bytes, index: int) -> str:
    """One sentence for a file in another encoding; names the character when it is clear which."""
    guess = ""
    try:
        data.decode("cp1252")
        ch = data[index:index + 1].decode("cp1252")
        if ch.isprintable():
            guess = f" (it looks like Windows-1252 or Latin-1: '{ch}' here)"
    except UnicodeDecodeError:
        pass
    return (f"the file is not UTF-8 text{guess}; save it as UTF-8 "
            "(in most editors: Save as, Encoding: UTF-8)")


ALIAS = "!alias"  # what an alias becomes: a lone placeholder, so nothing is ever shared


class _AliasesApart:
    """Aliases become placeholder nodes at the alias itself, so nothing is shared and bombs stay small."""

    def compose_node(self, parent, index):  # noqa: D102 - PyYAML's hook
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            return ScalarNode(ALIAS, event.anchor or "", event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


class _SafeComposer(_AliasesApart, yaml.SafeLoader):
    """PyYAML's pure-Python safe reader."""


if getattr(yaml, "__with_libyaml__", False):

    class _FastComposer(_AliasesApart, yaml.composer.Composer, yaml.resolver.Resolver, yaml.cyaml.CParser):
        """libyaml's parser (fast, not recursive) for events; the Python composer (bounded by the
        recursion limit, never constructing objects) and YAML 1.1 resolver for nodes."""

        def __init__(self, stream):
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _Composer = _FastComposer
else:  # pragma: no cover - PyYAML without libyaml
    _Composer = _SafeComposer


def _has_shared_nodes(root: Node | None) -> bool:
    """True when a node is reached twice: an alias, which the careful composer reports in place."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return False


def _compose_in_c(text: str) -> Node | None:
    """libyaml's own composer: several times faster, and safe here because libyaml refuses
    nesting deeper than its limit and an alias only shares a node (never expands it). Files
    with aliases go the careful way, so that every alias is reported where it stands."""
    loader = yaml.CSafeLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if "*" in text and _has_shared_nodes(node):  # an alias needs a '*'; most decks have none
        return None
    return node


def _compose(text: str, result: YamlFile, original: str | None = None) -> Node | None:
    """The node tree of `text`; `original` is the text as in the file, for positions."""
    original = text if original is None else original
    loader = None
    try:
        if _Composer is not _SafeComposer:
            node = _compose_in_c(text)
            if node is not None:
                return node
        loader = _Composer(text)
        return loader.get_single_node()
    except RecursionError:
        result.issues.append(YamlIssue((), NO_MARK, "nested too deeply; a deck needs only a few levels"))
    except yaml.reader.ReaderError as e:  # the characters were checked before; kept for safety
        found = chr(e.character) if isinstance(e.character, int) else "?"
        index = original.find(found) if found != "?" else -1
        mark = position(original, index) if index >= 0 else NO_MARK
        result.issues.append(YamlIssue((), mark, f"holds a character (U+{ord(found):04X}) that a deck file cannot hold"
                                       if found != "?" else "holds a character that a deck file cannot hold"))
    except yaml.MarkedYAMLError as e:
        what = " ".join(x for x in (e.context, e.problem) if x)
        if "nesting depth" in what:  # libyaml's own guard
            m = e.problem_mark or e.context_mark
            mark = (m.line + 1, m.column + 1) if m else NO_MARK
            result.issues.append(YamlIssue((), mark, "nested too deeply; a deck needs only a few levels"))
        else:
            mark, message = syntax_problem(e, original)
            result.issues.append(YamlIssue((), mark, message))
    except yaml.YAMLError as e:
        result.issues.append(YamlIssue((), NO_MARK, f"is not valid YAML: {e}"))
    except Exception as e:  # defensive: bad content must never crash the checker
        result.issues.append(YamlIssue((), NO_MARK, f"could not be read as YAML ({type(e).__name__})"))
    finally:
        if loader is not None:
            loader.dispose()
    return None


# What the YAML parsers say (libyaml and PyYAML use the same words), in words for a deck author:
# (words in the parser's message, mark to show: "problem" or "context", the explanation).
_SYNTAX = (
    ("could not find expected ':'", "context",
     "this line is neither 'key: value' nor a list item '- ...'; a ':' is missing, or the line is "
     "indented differently from the lines around it"),
    ("mapping values are not allowed", "problem",
     "a ':' where no new key can start: the line is indented deeper than the key above it, or a "
     "text that holds ': ' needs quotes around it"),
    ("cannot start any token", "problem", None),  # explained by _token_start
    ("did not find expected key", "problem",
     "this line is indented differently from the keys above it, or an earlier text in quotes goes on "
     "after its closing quote"),
    ("did not find expected '-' indicator", "problem",
     "this line does not belong to the list above it: list items start with '- ' at the same indentation"),
    ("did not find expected node content", "problem",
     "a value is missing here"),
    ("found unexpected end of stream", "context",
     "a quote opened here is never closed; close it with the same quote character"),
    ("found unknown escape character", "problem",
     "a backslash in double quotes starts an unknown escape; write \\\\ for a backslash, or use single quotes"),
    ("expected ',' or ']'", "context",
     "a list in [brackets] that starts here is not closed with ']' (or a text in it holds ',' or ':' "
     "and needs quotes)"),
    ("expected ',' or '}'", "context",
     "a mapping in {braces} that starts here is not closed with '}' (or a text in it holds ',' or ':' "
     "and needs quotes)"),
    ("expected <document start>", "problem",
     "something follows the end of the deck's contents here; check the indentation of this line"),
    ("found undefined alias", "problem", ALIAS_MESSAGE),
    ("expected alphabetic or numeric character", "problem",
     "'&' and '*' start anchors and aliases, which a deck does not use; put the text in quotes"),
    ("found a tab character", "problem",
     "a tab character where YAML expects spaces; indent with spaces only"),
)


def syntax_problem(e: yaml.MarkedYAMLError, text: str = "") -> tuple[Mark, str]:
    """Where a YAML syntax error is and what it means, without the parser's own terms."""
    problem = e.problem or ""
    words = f"{e.context or ''} {problem}"
    for needle, which, explanation in _SYNTAX:
        if needle in words:
            m = (e.context_mark if which == "context" else e.problem_mark) or e.problem_mark or e.context_mark
            mark = (m.line + 1, m.column + 1) if m else NO_MARK
            if explanation is None:
                explanation = _token_start(_character_at(text, mark))
            return mark, explanation
    m = e.problem_mark or e.context_mark
    mark = (m.line + 1, m.column + 1) if m else NO_MARK
    return mark, ("this is not valid YAML here; check the indentation, the ':' after each key and the "
                  "quotes around texts")


def _character_at(text: str, mark: Mark) -> str:
    lines = _LINE_BREAK.split(text)
    line, column = mark
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _token_start(ch: str) -> str:
    if ch == "\t":
        return "a tab character where YAML expects spaces; indent with spaces only"
    if ch:
        return f"a value cannot start with '{ch}'; put the whole text in quotes"
    return "a value cannot start with this character; put the whole text in quotes"


class _Converter:
    """Builds plain values from nodes, recording marks and explaining YAML 1.1 surprises."""

    def __init__(self, result: YamlFile, restore: dict[int, str] | None = None):
        self.r = result
        self.seen: set[int] = set()
        self.restore = restore  # puts back the line separators hidden from the parser

    def text(self, node: ScalarNode) -> str:
        return node.value.translate(self.restore) if self.restore else node.value

    def issue(self, path: Path_, mark: Mark, message: str) -> None:
        self.r.issues.append(YamlIssue(path, mark, message))

    def convert_root(self, node: Node) -> None:
        self.r.value_marks[()] = _mark(node)
        self.r.key_marks[()] = _mark(node)
        try:
            self.r.value = self.value(node, (), 0)
        except RecursionError:
            self.issue((), NO_MARK, "nested too deeply; a deck needs only a few levels")
            self.r.value = None

    def value(self, node: Node, path: Path_, depth: int) -> Any:
        if id(node) in self.seen or node.tag == ALIAS:
            self.issue(path, _mark(node), ALIAS_MESSAGE)
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.issue(path, _mark(node), "nested too deeply; a deck needs only a few levels")
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != SEQ:
                self.issue(path, _mark(node), f"the tag {_short_tag(node.tag)} is not allowed; {NOT_PLAIN}")
                return None
            items = []
            for i, child in enumerate(node.value):
                self.r.key_marks[path + (i,)] = self.r.value_marks[path + (i,)] = _mark(child)
                items.append(self.value(child, path + (i,), depth + 1))
            return items
        if isinstance(node, MappingNode):
            if node.tag != MAP:
                self.issue(path, _mark(node), f"the tag {_short_tag(node.tag)} is not allowed; {NOT_PLAIN}")
                return None
            return self.mapping(node, path, depth)
        return None

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> dict:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                self.seen.add(id(value_node))
                continue
            key_mark = _mark(key_node)
            if key in out:
                self.issue(
                    path + (key,),
                    key_mark,
                    f"the key '{key}' appears twice in one mapping (lines {first_line[key]} and {key_mark[0]}); keep one",
                )
                continue
            first_line[key] = key_mark[0]
            self.r.key_marks[path + (key,)] = key_mark
            self.r.value_marks[path + (key,)] = _mark(value_node)
            out[key] = self.value(value_node, path + (key,), depth + 1)
        return out

    def key(self, node: Node, path: Path_) -> str | None:
        mark = _mark(node)
        if id(node) in self.seen or node.tag == ALIAS:
            self.issue(path, mark, ALIAS_MESSAGE)
            return None
        self.seen.add(id(node))
        if not isinstance(node, ScalarNode):
            self.issue(path, mark, "a key must be a plain name, not a list or mapping")
            return None
        text = self.text(node)
        if node.tag == BOOL:
            self.issue(
                path + (text,), mark,
                f"YAML reads the key '{text}' as {_bool_word(text)}, not as a name; put it in quotes ('{text}')",
            )
            return text
        if node.tag == NULL:
            self.issue(path, mark, "a key is empty; write a name before the ':'")
            return None
        if node.tag not in (STR, INT, FLOAT, TIMESTAMP):
            self.issue(path, mark, f"the key '{text}' ({_short_tag(node.tag)}) is not allowed; keys are plain names")
            return None
        return text

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        text, tag, mark = self.text(node), node.tag, _mark(node)
        if tag == STR or tag == TIMESTAMP:
            return text
        if tag == NULL:
            return None
        if tag == BOOL:
            self.issue(
                path, mark,
                f"YAML reads '{text}' as {_bool_word(text)} (a yes/no value), not as text or a number; "
                f"put it in quotes ('{text}') if you mean the word",
            )
            return text
        if tag == INT:
            digits = len(text.lstrip("+-").lstrip("0"))
            if digits > MAX_DIGITS:
                self.issue(path, mark, f"a number with {digits:,} digits; a deck holds only small whole numbers "
                                       "(such as 1 to 60)")
                return text
            if _PLAIN_DECIMAL.fullmatch(text):
                return int(text)
            if _YAML11_INT.fullmatch(text):
                self.issue(path, mark, _int_surprise(text))
            else:
                self.issue(path, mark, f"'{text}' is marked as a number but is not one; write plain decimal")
            return text
        if tag == FLOAT:
            lowered = text.lower()
            if lowered in (".inf", "+.inf", "-.inf", ".nan"):
                self.issue(path, mark, f"YAML reads '{text}' as a special number; write plain decimal or put it in quotes")
                return text
            if _PLAIN_FLOAT.fullmatch(text):
                if len(text) > MAX_DIGITS + 2:
                    self.issue(path, mark, f"a number with {len(text):,} characters; a deck holds only small "
                                           "whole numbers (such as 1 to 60)")
                    return text
                return float(text)
            self.issue(path, mark, f"YAML reads '{text}' as a number in an unusual notation; write plain decimal or put it in quotes")
            return text
        self.issue(
            path, mark,
            f"the tag {_short_tag(tag)} is not allowed; {NOT_PLAIN}",
        )
        return None


def _bool_word(text: str) -> str:
    return "true" if text.lower() in ("yes", "on", "true", "y") else "false"


def _int_surprise(text: str) -> str:
    body = text.lstrip("+-")
    if ":" in body:
        how = "a base-60 (sexagesimal) number"
    elif body.startswith(("0x", "0X")):
        how = "a hexadecimal number"
    elif body.startswith(("0b", "0B")):
        how = "a binary number"
    elif "_" in body:
        how = "a number with '_' separators"
    else:
        how = "an octal number (because of the leading 0)"
    return f"YAML reads '{text}' as {how}; write plain decimal (e.g. 17), or put it in quotes if you mean text"
