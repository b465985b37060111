"""Split front matter from Markdown and read YAML safely, as written, with positions.

Every scalar stays text (`01067`, `NO`, `9:00`, `2025-02-30` come back as written); the
schema converts them. Duplicate keys, anchors, aliases and tags are errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .errors import Message, Problem, Problems, msg
from .sources import Source, read_or_report, read_source


class Position(NamedTuple):
    """A 1-based line and column in the file (a tuple: many are made, and quickly)."""

    line: int
    column: int


class YamlMap(dict):  # type: ignore[type-arg]
    """A mapping read from YAML that remembers where each key and value stood."""

    def __init__(self, position: Position) -> None:
        super().__init__()
        self.position = position
        self.key_positions: dict[str, Position] = {}
        self.value_positions: dict[str, Position] = {}

    def key_at(self, key: str) -> Position:
        """Where `key` was written, or where the mapping starts when it is missing."""
        return self.key_positions.get(key, self.position)

    def value_at(self, key: str) -> Position:
        """Where the value of `key` starts, or where the mapping starts when it is missing."""
        return self.value_positions.get(key, self.key_at(key))


class YamlList(list):  # type: ignore[type-arg]
    """A sequence read from YAML that remembers where each item stood."""

    def __init__(self, position: Position) -> None:
        super().__init__()
        self.position = position
        self.item_positions: list[Position] = []

    def item_at(self, index: int) -> Position:
        """Where item `index` stood."""
        return self.item_positions[index] if index < len(self.item_positions) else self.position


class _YamlRefused(yaml.MarkedYAMLError):
    """Something zuhause does not accept in YAML (anchors, tags, duplicate keys)."""

    def __init__(self, message: Message, mark: yaml.Mark, hint: Message) -> None:
        super().__init__(problem=message.key, problem_mark=mark)
        self.message = message
        self.hint = hint


class _TextLoader(yaml.SafeLoader):
    """A SafeLoader that resolves no implicit types and refuses anchors, aliases and tags.

    Slow (pure Python) but precise: it reads the documents the fast loader did not accept,
    so that every message comes from one place.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}

    def __init__(self, text: str, line_offset: int) -> None:
        super().__init__(text)
        self.line_offset = line_offset
        self.depth = 0

    def position(self, mark: yaml.Mark) -> Position:
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if self.depth >= MAX_DEPTH:
            raise _YamlRefused(msg("yaml.too-deep", depth=MAX_DEPTH), event.start_mark,
                               msg("yaml.too-deep-hint"))
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _YamlRefused(msg("yaml.anchor"), event.start_mark, msg("yaml.anchor-hint"))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            short = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise _YamlRefused(msg("yaml.tag", tag=short), event.start_mark, msg("yaml.tag-hint"))
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


MAX_DEPTH = 50  # blocks and lists inside each other; front matter needs three or four
_SURROGATE = re.compile("[\ud800-\udfff]")
_FAST = bool(getattr(yaml, "__with_libyaml__", False))
if _FAST:
    from yaml._yaml import CParser

    class _FastTextLoader(CParser, yaml.constructor.SafeConstructor,
                          yaml.resolver.Resolver):
        """libyaml's parser with the same text-only constructors; used when nothing is refused."""

        yaml_implicit_resolvers: dict[Any, Any] = {}

        def __init__(self, text: str, line_offset: int) -> None:
            CParser.__init__(self, text)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.line_offset = line_offset

        position = _TextLoader.position


def _plain_events_only(text: str) -> bool:
    """True when the document has no anchor, alias or explicit tag (checked by libyaml)."""
    for event in yaml.parse(text, Loader=yaml.CBaseLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            return False
        if getattr(event, "tag", None) not in (None, "!"):
            return False
    return True


def _whole_characters(value: str, mark: yaml.Mark) -> str:
    """`value` with `\\ud83d\\ude00`-style escape pairs joined into one character; a lone half
    of a pair (which no file can hold) is refused."""
    if not _SURROGATE.search(value):
        return value
    try:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        raise _YamlRefused(msg("yaml.surrogate"), mark, msg("yaml.surrogate-hint")) from None


def _construct_text(loader: Any, node: yaml.ScalarNode) -> str:
    return _whole_characters(str(loader.construct_scalar(node)), node.start_mark)


def _construct_list(loader: Any, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.position(node.start_mark))
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.item_positions.append(loader.position(item.start_mark))
    return result


def _construct_map(loader: Any, node: yaml.MappingNode) -> YamlMap:
    result = YamlMap(loader.position(node.start_mark))
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _YamlRefused(msg("yaml.key-not-word"), key_node.start_mark,
                               msg("yaml.key-not-word-hint"))
        key = _whole_characters(str(key_node.value), key_node.start_mark)
        if key in result:
            first = result.key_positions[key]
            raise _YamlRefused(
                msg("yaml.duplicate-key", key=key, first=first.line,
                    again=loader.position(key_node.start_mark).line),
                key_node.start_mark, msg("yaml.duplicate-key-hint"))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_positions[key] = loader.position(key_node.start_mark)
        result.value_positions[key] = loader.position(value_node.start_mark)
    return result


_LOADERS: list[Any] = [_TextLoader, *([_FastTextLoader] if _FAST else [])]
for _loader in _LOADERS:
    _loader.add_constructor("tag:yaml.org,2002:str", _construct_text)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_list)
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_map)

_QUOTE_HINT = msg("yaml.quote-hint")
_SCANNER_TEXTS = [  # PyYAML's English words -> what the owner reads, and what to do
    ("found character '\\t'", msg("yaml.tab"), msg("yaml.tab-hint")),
    ("mapping values are not allowed", msg("yaml.mapping-values"), _QUOTE_HINT),
    ("cannot start any token", msg("yaml.cannot-start"), _QUOTE_HINT),
    ("could not find expected ':'", msg("yaml.no-colon"), msg("yaml.no-colon-hint")),
    ("expected <block end>", msg("yaml.block-end"), msg("yaml.block-end-hint")),
    ("found unexpected end of stream", msg("yaml.end-of-stream"), msg("yaml.end-of-stream-hint")),
]


def _worded(error: yaml.MarkedYAMLError) -> tuple[Message, Message]:
    """The message and hint for a YAML error; PyYAML's own words when zuhause has none."""
    if isinstance(error, _YamlRefused):
        return error.message, error.hint
    for needle, message, hint in _SCANNER_TEXTS:
        if needle in str(error):
            return message, hint
    what = error.problem or error.context
    return (msg("yaml.other", detail=what) if what else msg("yaml.unreadable")), msg("yaml.other-hint")


def load_yaml(text: str, name: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """Parse one YAML document as text values. Returns (data, problems); data is None on error.

    Every way the reader can fail (characters YAML does not allow, nesting, broken escapes)
    ends as a problem with a place: the guard covers making the loader as well as using it.
    """
    if _FAST:
        try:
            if _plain_events_only(text):
                fast = _FastTextLoader(text, line_offset)
                try:
                    return fast.get_single_data(), []
                finally:
                    fast.dispose()
        except (yaml.YAMLError, RecursionError):
            pass  # the careful loader below says what is wrong, in its words
    try:
        loader = _TextLoader(text, line_offset)
        try:
            return loader.get_single_data(), []
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else line_offset + 1
        column = mark.column + 1 if mark else 1
        message, hint = _worded(error)
        return None, [Problem(name, line, column, message, hint, "yaml.syntax")]
    except yaml.reader.ReaderError as error:
        line, column = _line_and_column(text, error.position)
        return None, [Problem(name, line + line_offset, column,
                              msg("yaml.control-character", code=f"U+{error.character:04X}"),
                              msg("yaml.control-character-hint"), "yaml.syntax")]
    except RecursionError:
        return None, [Problem(name, line_offset + 1, 1, msg("yaml.too-deep", depth=MAX_DEPTH),
                              msg("yaml.too-deep-hint"), "yaml.syntax")]
    except yaml.YAMLError as error:  # errors without a position (e.g. bad stream)
        return None, [Problem(name, line_offset + 1, 1, msg("yaml.other", detail=str(error)),
                              msg("yaml.stream-hint"), "yaml.syntax")]


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in `text`."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


_FENCE = re.compile(r"^---[ \t]*$")
_END = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass
class Document:
    """A Markdown file split into its front matter and its body."""

    meta: YamlMap
    body: str
    body_line: int
    problems: list[Problem] = field(default_factory=list)
    has_front_matter: bool = True


YamlParser = Callable[[str, str, int], tuple[Any, list[Problem]]]
"""Reads one YAML text: (text, file name, lines before it) -> (data, problems); `load_yaml`,
or a cache in front of it."""


def split_document(text: str, name: str, parse: YamlParser | None = None) -> Document:
    """Split `---` front matter from the Markdown body and parse it (with `parse`, default
    `load_yaml`)."""
    lines = text.split("\n")
    empty = YamlMap(Position(1, 1))
    if not lines or not _FENCE.match(lines[0]):
        return Document(empty, text, 1, has_front_matter=False)
    for index in range(1, len(lines)):
        if _END.match(lines[index]):
            break
    else:
        return Document(empty, text, 1, [Problem(
            name, 1, 1, msg("frontmatter.unclosed"), msg("frontmatter.unclosed-hint"),
            "frontmatter.unclosed")])
    yaml_text = "\n".join(lines[1:index])
    body = "\n".join(lines[index + 1:])
    data, problems = (parse or load_yaml)(yaml_text, name, 1)
    if problems:
        return Document(empty, body, index + 2, problems)
    if data is None or data == "":
        return Document(YamlMap(Position(2, 1)), body, index + 2)
    if not isinstance(data, YamlMap):
        return Document(empty, body, index + 2, [Problem(
            name, 2, 1, msg("frontmatter.not-mapping"), msg("frontmatter.not-mapping-hint"),
            "frontmatter.not-mapping")])
    return Document(data, body, index + 2)


def read_document(root: Path, relative: Path, problems: Problems,
                  parse: YamlParser | None = None,
                  read: Callable[[Path, str], Source] = read_source) -> tuple[str, Document] | None:
    """Read a Markdown file with front matter: (its name, the split document), or None when it
    cannot be read or its front matter is broken (the problems are recorded)."""
    name = relative.as_posix()
    source = read_or_report(root / relative, name, problems, read)
    if source is None:
        return None
    document = split_document(source.text, name, parse)
    problems.extend(document.problems)
    return None if document.problems else (name, document)
