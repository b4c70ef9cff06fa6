"""Bytes to text: UTF-8 (with or without BOM) or a BOM-marked UTF-16/32; anything else is refused
with the detected encoding as a hint, because silently guessing changes numbers ("1 000" vs "1.000")."""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes are never in UTF-8 text (UTF-16/32 is recognised by its BOM before this check)."""
    return b"\x00" in data[:8192]


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a document's bytes or raise an :class:`InputError` that says what to do."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path) from None
        except UnicodeDecodeError as error:
            raise _located(data, error, path, f"not valid {encoding}") from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError as error:
                raise _located(data, error, path, f"not valid {name}") from None
    if looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16:
            raise InputError(f"looks like {utf16.upper()} text without a byte-order mark: pass --encoding {utf16} or "
                             "re-save it as UTF-8", path)
        raise InputError("binary file (contains NUL bytes), not a text document; skip it or convert it to text", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _located(data, error, path, "not valid UTF-8") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit in every other position, as in UTF-16 text of Latin script, and
    the whole file decodes so; None otherwise."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for name, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.3 * (len(sample) // 2) and others <= 0.05 * (len(sample) // 2):
            try:
                decoded = data.decode(name)
            except UnicodeDecodeError:
                return None
            return name if "\x00" not in decoded else None
    return None


def _located(data: bytes, error: UnicodeDecodeError, path: str, what: str) -> InputError:
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = error.start - (before.rfind(b"\n") + 1) + 1
    hint = "re-save it as UTF-8"
    guess = _detect(data)
    if guess:
        hint = f"it looks like {guess}: pass --encoding {guess} or re-save it as UTF-8"
    byte = data[error.start : error.start + 1].hex()
    return InputError(f"{what} (byte 0x{byte}); {hint}", path, line, column)


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return best.encoding.replace("_", "-")
