"""Safe, located YAML: file bytes -> plain values plus the line/column of every key and value.

Only `yaml.SafeLoader`'s composer is used, so nothing is ever constructed from a tag. The
plain values are built here from the node tree, which lets us explain YAML 1.1 surprises
(`no` read as false, `017` read as octal), refuse tags and aliases, and keep marks.
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


def _line_col(data: bytes | str, index: int) -> Mark:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, index) + 1
    start = data.rfind(newline, 0, index) + 1
    return (line, index - start + 1)


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
    node = _compose(text, result)
    if result.issues:
        return result
    result.readable = True
    if node is None:
        result.value = None
        result.value_marks[()] = (1, 1)
        return result
    _Converter(result).convert_root(node)
    return result


def _decode(data: bytes, result: YamlFile) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        result.issues.append(
            YamlIssue((), _line_col(data, nul), "holds a NUL byte: this is not a text file; save it as UTF-8 text")
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        result.issues.append(
            YamlIssue((), _line_col(data, e.start), "is not valid UTF-8 text; save the file as UTF-8")
        )
        return None


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


def _compose(text: str, result: YamlFile) -> Node | None:
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
    except yaml.reader.ReaderError as e:
        mark = _line_col(text, e.position) if isinstance(e.position, int) else NO_MARK
        result.issues.append(
            YamlIssue((), mark, f"holds a special character (#x{e.character:04x}) that YAML does not allow in text")
        )
    except yaml.MarkedYAMLError as e:
        m = e.problem_mark or e.context_mark
        mark = (m.line + 1, m.column + 1) if m else NO_MARK
        what = " ".join(x for x in (e.context, e.problem) if x)
        if "nesting depth" in what:  # libyaml's own guard
            result.issues.append(YamlIssue((), mark, "nested too deeply; a deck needs only a few levels"))
        else:
            result.issues.append(YamlIssue((), mark, f"is not valid YAML: {what}"))
    except yaml.YAMLError as e:
        result.issues.append(YamlIssue((), NO_MARK, f"is not valid YAML: {e}"))
    except Exception as e:  # defensive: bad content must never crash the checker
        result.issues.append(YamlIssue((), NO_MARK, f"could not be read as YAML ({type(e).__name__})"))
    finally:
        if loader is not None:
            loader.dispose()
    return None


class _Converter:
    """Builds plain values from nodes, recording marks and explaining YAML 1.1 surprises."""

    def __init__(self, result: YamlFile):
        self.r = result
        self.seen: set[int] = set()

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
        text = node.value
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
        text, tag, mark = node.value, node.tag, _mark(node)
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
