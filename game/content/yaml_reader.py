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
from .messages import Message, msg

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
ALIAS_MESSAGE = msg("alias")
_PLAIN_FLOAT = re.compile(r"[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?")


@dataclass
class YamlIssue:
    """A problem found while reading, at a path in the file's value (section/key are found later)."""

    path: Path_
    mark: Mark
    message: Message


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
_CHARACTER_NAMES = {"\x1b": "char.esc", "\x7f": "char.del", "\x08": "char.backspace", "\x0b": "char.vertical_tab",
                    "\x0c": "char.form_feed", "\ufffe": "char.noncharacter", "\uffff": "char.noncharacter"}
_SEPARATORS = "\x85\u2028\u2029"  # line ends to YAML 1.1, ordinary characters to an editor


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag


def read_yaml(path: Path) -> YamlFile:
    """Read one YAML file; never raises for bad content (problems go into `issues`)."""
    result = YamlFile()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            result.issues.append(YamlIssue((), NO_MARK, msg("file_too_big", size=size)))
            return result
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        result.issues.append(YamlIssue((), NO_MARK, msg("cannot_read", reason=e.strerror or str(e))))
        return result
    if len(data) > MAX_FILE_BYTES:
        result.issues.append(YamlIssue((), NO_MARK, msg("file_over_limit")))
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
        name = msg(_CHARACTER_NAMES.get(ch, "char.control"))
        result.issues.append(YamlIssue((), position(text, match.start()),
                                       msg("special_character", name=name, code=f"{ord(ch):04X}")))
    if len(found) > MAX_SPECIAL_REPORTS:
        last = found[-1]
        result.issues.append(YamlIssue((), position(text, last.start()),
                                       msg("special_more", n=len(found) - MAX_SPECIAL_REPORTS)))
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
            YamlIssue((), _byte_position(data, nul), msg("nul_byte"))
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        result.issues.append(YamlIssue((), _byte_position(data, e.start), _not_utf8(data, e.start)))
        return None


def _not_utf8(data: bytes, index: int) -> Message:
    """One sentence for a file in another encoding; names the character when it is clear which."""
    try:
        data.decode("cp1252")
        ch = data[index:index + 1].decode("cp1252")
        if ch.isprintable():
            return msg("not_utf8_guess", char=ch)
    except UnicodeDecodeError:
        pass
    return msg("not_utf8")


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
        result.issues.append(YamlIssue((), NO_MARK, msg("nested")))
    except yaml.reader.ReaderError as e:  # the characters were checked before; kept for safety
        found = chr(e.character) if isinstance(e.character, int) else "?"
        index = original.find(found) if found != "?" else -1
        mark = position(original, index) if index >= 0 else NO_MARK
        result.issues.append(YamlIssue((), mark, msg("special_character", name=msg("char.control"), code=f"{ord(found):04X}")
                                       if found != "?" else msg("special_character_plain")))
    except yaml.MarkedYAMLError as e:
        what = " ".join(x for x in (e.context, e.problem) if x)
        if "nesting depth" in what:  # libyaml's own guard
            m = e.problem_mark or e.context_mark
            mark = (m.line + 1, m.column + 1) if m else NO_MARK
            result.issues.append(YamlIssue((), mark, msg("nested")))
        else:
            mark, message = syntax_problem(e, original)
            result.issues.append(YamlIssue((), mark, message))
    except yaml.YAMLError as e:
        result.issues.append(YamlIssue((), NO_MARK, msg("yaml.invalid")))
    except Exception as e:  # defensive: bad content must never crash the checker
        result.issues.append(YamlIssue((), NO_MARK, msg("yaml.unreadable", kind=type(e).__name__)))
    finally:
        if loader is not None:
            loader.dispose()
    return None


# What the YAML parsers say (libyaml and PyYAML use the same words), in words for a deck author:
# (words in the parser's message, mark to show: "problem" or "context", the explanation).
_SYNTAX = (
    ("could not find expected ':'", "context",
     msg("yaml.missing_colon")),
    ("mapping values are not allowed", "problem",
     msg("yaml.colon_here")),
    ("cannot start any token", "problem", None),  # explained by _token_start
    ("did not find expected key", "problem",
     msg("yaml.indentation")),
    ("did not find expected '-' indicator", "problem",
     msg("yaml.list_item")),
    ("did not find expected node content", "problem",
     msg("yaml.value_missing")),
    ("found unexpected end of stream", "context",
     msg("yaml.quote_open")),
    ("found unknown escape character", "problem",
     msg("yaml.escape")),
    ("expected ',' or ']'", "context",
     msg("yaml.list_open")),
    ("expected ',' or '}'", "context",
     msg("yaml.mapping_open")),
    ("expected <document start>", "problem",
     msg("yaml.after_end")),
    ("found undefined alias", "problem", ALIAS_MESSAGE),
    ("expected alphabetic or numeric character", "problem",
     msg("yaml.anchor")),
    ("found a tab character", "problem",
     msg("yaml.tab")),
)


def syntax_problem(e: yaml.MarkedYAMLError, text: str = "") -> tuple[Mark, Message]:
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
    return mark, msg("yaml.invalid")


def _character_at(text: str, mark: Mark) -> str:
    lines = _LINE_BREAK.split(text)
    line, column = mark
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _token_start(ch: str) -> Message:
    if ch == "\t":
        return msg("yaml.tab")
    if ch:
        return msg("yaml.cannot_start", char=ch)
    return msg("yaml.cannot_start_plain")


class _Converter:
    """Builds plain values from nodes, recording marks and explaining YAML 1.1 surprises."""

    def __init__(self, result: YamlFile, restore: dict[int, str] | None = None):
        self.r = result
        self.seen: set[int] = set()
        self.restore = restore  # puts back the line separators hidden from the parser

    def text(self, node: ScalarNode) -> str:
        return node.value.translate(self.restore) if self.restore else node.value

    def issue(self, path: Path_, mark: Mark, message: Message) -> None:
        self.r.issues.append(YamlIssue(path, mark, message))

    def convert_root(self, node: Node) -> None:
        self.r.value_marks[()] = _mark(node)
        self.r.key_marks[()] = _mark(node)
        try:
            self.r.value = self.value(node, (), 0)
        except RecursionError:
            self.issue((), NO_MARK, msg("nested"))
            self.r.value = None

    def value(self, node: Node, path: Path_, depth: int) -> Any:
        if id(node) in self.seen or node.tag == ALIAS:
            self.issue(path, _mark(node), ALIAS_MESSAGE)
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.issue(path, _mark(node), msg("nested"))
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != SEQ:
                self.issue(path, _mark(node), msg("tag_not_allowed", tag=_short_tag(node.tag)))
                return None
            items = []
            for i, child in enumerate(node.value):
                self.r.key_marks[path + (i,)] = self.r.value_marks[path + (i,)] = _mark(child)
                items.append(self.value(child, path + (i,), depth + 1))
            return items
        if isinstance(node, MappingNode):
            if node.tag != MAP:
                self.issue(path, _mark(node), msg("tag_not_allowed", tag=_short_tag(node.tag)))
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
                    msg("duplicate_key", key=key, first=first_line[key], second=key_mark[0]),
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
            self.issue(path, mark, msg("key_not_plain"))
            return None
        text = self.text(node)
        if node.tag == BOOL:
            self.issue(
                path + (text,), mark,
                msg("key_bool", text=text, value=_bool_word(text)),
            )
            return text
        if node.tag == NULL:
            self.issue(path, mark, msg("key_empty"))
            return None
        if node.tag not in (STR, INT, FLOAT, TIMESTAMP):
            self.issue(path, mark, msg("key_tag", key=text, tag=_short_tag(node.tag)))
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
                msg("value_bool", text=text, value=_bool_word(text)),
            )
            return text
        if tag == INT:
            digits = len(text.lstrip("+-").lstrip("0"))
            if digits > MAX_DIGITS:
                self.issue(path, mark, msg("number_digits", n=digits))
                return text
            if _PLAIN_DECIMAL.fullmatch(text):
                return int(text)
            if _YAML11_INT.fullmatch(text):
                self.issue(path, mark, _int_surprise(text))
            else:
                self.issue(path, mark, msg("int_not_number", text=text))
            return text
        if tag == FLOAT:
            lowered = text.lower()
            if lowered in (".inf", "+.inf", "-.inf", ".nan"):
                self.issue(path, mark, msg("float_special", text=text))
                return text
            if _PLAIN_FLOAT.fullmatch(text):
                if len(text) > MAX_DIGITS + 2:
                    self.issue(path, mark, msg("number_chars", n=len(text)))
                    return text
                return float(text)
            self.issue(path, mark, msg("float_unusual", text=text))
            return text
        self.issue(
            path, mark,
            msg("tag_not_allowed", tag=_short_tag(tag)),
        )
        return None


def _bool_word(text: str) -> str:
    return "true" if text.lower() in ("yes", "on", "true", "y") else "false"


def _int_surprise(text: str) -> Message:
    body = text.lstrip("+-")
    if ":" in body:
        how = "sexagesimal"
    elif body.startswith(("0x", "0X")):
        how = "hexadecimal"
    elif body.startswith(("0b", "0B")):
        how = "binary"
    elif "_" in body:
        how = "separators"
    else:
        how = "octal"
    return msg("int_surprise", text=text, how=msg(f"int.{how}"))
