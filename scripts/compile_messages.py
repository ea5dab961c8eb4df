"""Compiles every locale/<lang>/LC_MESSAGES/*.po of the project into its .mo, in plain Python.

For machines without GNU gettext's msgfmt (which `manage.py compilemessages` needs). Like msgfmt, it leaves out
fuzzy and untranslated entries and obsolete (#~) ones. Usage: python scripts/compile_messages.py [--check]
(--check: exit 1 when a .mo is missing or out of step with its .po, without writing anything).
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", "node_modules", "static", "staticfiles", ".git"}


def parse_po(text: str) -> dict[bytes, bytes]:
    """The catalogue of a .po file: key (msgctxt\\x04msgid[\\0msgid_plural]) -> msgstr (plural forms \\0-joined)."""
    catalogue: dict[bytes, bytes] = {}
    entry: dict[str, str] = {}
    fuzzy = False
    section: str | None = None

    def flush() -> None:
        nonlocal entry, fuzzy, section
        if "msgid" in entry:
            if "msgid_plural" in entry:
                forms = [entry[k] for k in sorted((k for k in entry if k.startswith("msgstr[")), key=_index)]
                translated = bool(forms) and all(forms)
                key = entry["msgid"] + "\0" + entry["msgid_plural"]
                value = "\0".join(forms)
            else:
                value = entry.get("msgstr", "")
                translated = bool(value)
                key = entry["msgid"]
            if "msgctxt" in entry:
                key = entry["msgctxt"] + "\x04" + key
            is_header = entry["msgid"] == "" and "msgctxt" not in entry
            if is_header:  # like msgfmt: without the creation date, so that the .mo only changes with the texts
                value = "".join(line for line in value.splitlines(True) if not line.startswith("POT-Creation-Date:"))
            if translated and (is_header or not fuzzy):
                catalogue[key.encode("utf-8")] = value.encode("utf-8")
        entry, fuzzy, section = {}, False, None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            if section is not None and not line.startswith("#~"):
                flush()  # a comment starts the next entry
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if section is None:
                raise ValueError(f"regel {number}: tekst zonder msgid/msgstr ervoor")
            entry[section] += _unquote(line, number)
            continue
        if keyword in ("msgctxt", "msgid") and section is not None and section not in ("msgctxt",):
            flush()
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not keyword.startswith("msgstr["):
            raise ValueError(f"regel {number}: onbekend sleutelwoord {keyword!r}")
        section = keyword
        entry[section] = _unquote(rest.strip(), number)
    flush()
    return catalogue


def _index(key: str) -> int:
    return int(key[len("msgstr[") : -1])


def _unquote(text: str, number: int) -> str:
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise ValueError(f"regel {number}: tekst tussen aanhalingstekens verwacht")
    return ast.literal_eval(text)


def mo_bytes(catalogue: dict[bytes, bytes]) -> bytes:
    """GNU .mo, little-endian, without a hash table (gettext searches it by bisection)."""
    keys = sorted(catalogue)
    ids = b""
    strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(catalogue[key])))
        ids += key + b"\0"
        strs += catalogue[key] + b"\0"
    count = len(keys)
    key_table = 7 * 4
    value_table = key_table + count * 8
    ids_start = value_table + count * 8
    strs_start = ids_start + len(ids)
    key_entries = []
    value_entries = []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_entries += [id_length, ids_start + id_offset]
        value_entries += [str_length, strs_start + str_offset]
    header = struct.pack("<7I", 0x950412DE, 0, count, key_table, value_table, 0, 0)
    return (
        header
        + struct.pack(f"<{2 * count}I", *key_entries)
        + struct.pack(f"<{2 * count}I", *value_entries)
        + ids
        + strs
    )


def po_files(root: Path = ROOT) -> list[Path]:
    return sorted(
        po for po in root.glob("**/locale/*/LC_MESSAGES/*.po") if not SKIP.intersection(po.relative_to(root).parts)
    )


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for po in po_files():
        try:
            data = mo_bytes(parse_po(po.read_text(encoding="utf-8")))
        except (ValueError, SyntaxError, UnicodeDecodeError) as error:
            print(f"{po.relative_to(ROOT)}: {error}", file=sys.stderr)
            return 1
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.read_bytes() == data:
            continue
        stale.append(mo)
        if not check:
            mo.write_bytes(data)
            print(f"gecompileerd: {mo.relative_to(ROOT)}")
    if check and stale:
        print("niet bijgewerkt: " + ", ".join(str(mo.relative_to(ROOT)) for mo in stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
