"""The text of a PDF written by Qt's QPdfWriter, for tests (there is no PDF reader
among the test tools). Enough for Qt's own output: objects, Flate streams, Type0
fonts with ToUnicode maps, and hex strings shown with Tj. Spaces are not drawn, so
the result has none; compare with the spaces taken out."""

from __future__ import annotations

import contextlib
import re
import zlib


def _objects(data: bytes) -> dict[int, bytes]:
    found = {}
    for number, body in re.findall(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        stream = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
        if stream is not None:
            raw = stream.group(1)
            with contextlib.suppress(zlib.error):  # an uncompressed stream stays as it is
                raw = zlib.decompress(raw)
            body = body[: stream.start()] + b"stream\n" + raw
        found[int(number)] = body
    return found


def _cmap(text: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for low, high, target in re.findall(rb"<(\w+)>\s*<(\w+)>\s*(\[[^\]]*\]|<\w+>)", block):
            first, last = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                for offset, code in enumerate(re.findall(rb"<(\w+)>", target)):
                    table[first + offset] = bytes.fromhex(code.decode()).decode("utf-16-be")
            else:
                start = int(target[1:-1], 16)
                for offset in range(last - first + 1):
                    table[first + offset] = chr(start + offset)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(rb"<(\w+)>\s*<(\w+)>", block):
            table[int(code, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    return table


def pdf_text(data: bytes) -> str:
    objects = _objects(data)
    maps = {}
    for number, body in objects.items():
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if to_unicode is not None:
            maps[number] = _cmap(objects[int(to_unicode.group(1))])
    names: dict[bytes, int] = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            names[name] = int(number)
    out = []
    for body in objects.values():
        if b"BT" not in body or b"Tj" not in body:
            continue
        font: dict[int, str] = {}
        for token in re.finditer(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj", body):
            if token.group(1):
                font = maps.get(names.get(token.group(1), -1), {})
            else:
                hexed = token.group(2).decode()
                for i in range(0, len(hexed), 4):
                    out.append(font.get(int(hexed[i : i + 4], 16), ""))
    return "".join(out)
