"""Quote a text for the files zuhause writes: YAML and TOML strings that read back exactly."""

from __future__ import annotations


def _escape(text: str, escapes: dict[str, str], unicode_escape: bool) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in escapes:
            out.append(escapes[char])
        elif code < 0x20 or code == 0x7F or (unicode_escape and (
                0x80 <= code < 0xA0 or char in "\u2028\u2029" or 0xD800 <= code < 0xE000
                or code in (0xFFFE, 0xFFFF))):
            out.append(f"\\x{code:02X}" if unicode_escape and code < 0x100 else f"\\u{code:04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def yaml_quote(text: str) -> str:
    """A YAML double-quoted string that reads back exactly as `text`."""
    return _escape(text, {'"': '\\"', "\\": "\\\\"}, unicode_escape=True)


def toml_quote(text: str) -> str:
    """A TOML basic string that reads back exactly as `text`."""
    return _escape(text, {'"': '\\"', "\\": "\\\\"}, unicode_escape=False)
