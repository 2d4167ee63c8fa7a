# SPDX-License-Identifier: EUPL-1.2
"""The English translation: complete, compiled, and used when the visitor chooses English.

Source strings are Dutch (docs/decisions.md #1); `src/goedebuur/locale/en/LC_MESSAGES/django.po` holds
the English and `django.mo` is its compiled form, committed so that the product runs without the GNU
gettext tools. How to update both: docs/development.md, section "Translations"."""

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
# Apps built in parallel may keep their own catalogue until it is merged into the central one.
APP_PO_FILES = sorted(Path(settings.PACKAGE_DIR).glob("*/locale/en/LC_MESSAGES/django.po"))
PO_FILES = [PO_FILE, *APP_PO_FILES]

HOW_TO_UPDATE = (
    "Update the English translation (docs/development.md, 'Translations'):\n"
    "  cd src/goedebuur && ../../.venv/bin/django-admin makemessages -l en "
    '--settings=goedebuur.settings -i "migrations/*"\n'
    "  translate every new or fuzzy entry in locale/en/LC_MESSAGES/django.po (remove '#, fuzzy')\n"
    "  ../../.venv/bin/django-admin compilemessages -l en --settings=goedebuur.settings\n"
    "and commit django.po and django.mo together."
)


@dataclass
class Entry:
    line: int
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"

    def __str__(self) -> str:
        return f"{PO_FILE.name}:{self.line}: {self.msgid!r}"


def parse_po(path: Path) -> list[Entry]:
    """A tiny parser for the .po files that xgettext/msgmerge write (obsolete `#~` entries skipped)."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int | None] | None = None
    flags: set[str] = set()

    def start(number: int) -> Entry:
        nonlocal flags
        entry = Entry(line=number, flags=flags)
        flags = set()
        entries.append(entry)
        return entry

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            target, flags = None, set()
            continue
        if line.startswith("#,"):
            flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if target is None or current is None:
                raise AssertionError(f"{path.name}:{number}: continuation line outside an entry")
            _append(current, target, ast.literal_eval(line))
            continue
        match = re.fullmatch(r"(msgctxt|msgid|msgid_plural|msgstr)(?:\[(\d+)\])?\s+(\".*\")", line)
        if not match:
            raise AssertionError(f"{path.name}:{number}: cannot read {raw!r}")
        keyword, index, text = match.group(1), match.group(2), ast.literal_eval(match.group(3))
        if keyword == "msgctxt" or (keyword == "msgid" and (current is None or current.msgstr)):
            current = start(number)
        elif current is None:
            raise AssertionError(f"{path.name}:{number}: {keyword} before msgid")
        target = (keyword, int(index) if index is not None else None)
        if keyword == "msgstr":
            current.msgstr[target[1] or 0] = ""
        else:
            setattr(current, keyword, "")
        _append(current, target, text)
    return entries


def _append(entry: Entry, target: tuple[str, int | None], text: str) -> None:
    keyword, index = target
    if keyword == "msgstr":
        entry.msgstr[index or 0] += text
    else:
        setattr(entry, keyword, getattr(entry, keyword) + text)


def messages(entries: list[Entry]) -> list[Entry]:
    """All entries except the header."""
    return [e for e in entries if e.key != ""]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdifr]|\{\{?\s*[\w.]+\s*\}?\}", text))


@pytest.fixture(scope="module", params=PO_FILES, ids=lambda path: str(path.parent.parent.parent.parent.name))
def po_file(request) -> Path:
    assert request.param.is_file(), f"{request.param} is missing.\n{HOW_TO_UPDATE}"
    return request.param


@pytest.fixture(scope="module")
def po_entries(po_file) -> list[Entry]:
    return parse_po(po_file)


# (a) the .po is complete ------------------------------------------------------------------------


def test_the_english_po_has_a_usable_header(po_entries):
    header = next((e for e in po_entries if e.key == ""), None)
    assert header is not None, "the .po has no header entry"
    assert "fuzzy" not in header.flags, "the header is fuzzy: msgfmt would drop the charset and plural forms"
    text = header.msgstr[0]
    assert "charset=UTF-8" in text
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in text
    assert "Language: en" in text


def test_the_english_po_has_no_untranslated_or_fuzzy_entries(po_entries, po_file):
    entries = messages(po_entries)
    assert po_file != PO_FILE or len(entries) > 250, "the English .po looks truncated"
    fuzzy = [str(e) for e in entries if "fuzzy" in e.flags]
    untranslated = [
        str(e)
        for e in entries
        if not e.msgstr
        or any(not text.strip() for text in e.msgstr.values())
        or (e.msgid_plural is not None and sorted(e.msgstr) != [0, 1])
    ]
    problems = [f"fuzzy: {e}" for e in fuzzy] + [f"untranslated: {e}" for e in untranslated]
    assert not problems, "\n".join(problems) + "\n" + HOW_TO_UPDATE


def test_every_translation_keeps_the_placeholders(po_entries):
    wrong = []
    for entry in messages(po_entries):
        for index, text in entry.msgstr.items():
            source = entry.msgid_plural if index and entry.msgid_plural is not None else entry.msgid
            if placeholders(text) != placeholders(source):
                wrong.append(f"{entry}: {placeholders(source)} became {placeholders(text)}")
    assert not wrong, "\n".join(wrong)


# (c) the committed .mo matches the .po ----------------------------------------------------------


def test_the_compiled_mo_matches_the_po(po_entries, po_file):
    mo_file = po_file.with_suffix(".mo")
    assert mo_file.is_file(), f"{mo_file} is missing.\n{HOW_TO_UPDATE}"
    with mo_file.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog
    missing, stale = [], []
    for entry in messages(po_entries):
        if "fuzzy" in entry.flags or not all(entry.msgstr.values()):
            continue  # reported by the completeness test; msgfmt leaves these entries out
        if entry.msgid_plural is None:
            compiled = {0: catalog.get(entry.key)}
        else:
            compiled = {index: catalog.get((entry.key, index)) for index in entry.msgstr}
        if any(value is None for value in compiled.values()):
            missing.append(str(entry))
        elif compiled != entry.msgstr:
            stale.append(f"{entry}: .mo has {compiled}, .po has {entry.msgstr}")
    problems = [f"not in django.mo: {m}" for m in missing] + [f"stale in django.mo: {s}" for s in stale]
    assert not problems, (
        f"{mo_file.name} is older than {po_file.name}:\n" + "\n".join(problems) + "\n" + HOW_TO_UPDATE
    )


# (b) the pages in English -----------------------------------------------------------------------

ENGLISH_PAGES = {
    "/": ["Goede Buur: ICT cooperation between municipalities", "Find a municipality", "achtervang"],
    "/gemeenten": ["Municipalities", "Name or CBS code", "342 municipalities found", "Population"],
    "/samenwerkingen": ["Cooperations", "Register of cooperations", "All ICT domains", "0 cooperations"],
    "/matrix": ["Matrix: municipalities × ICT domains", "Download Excel (XLSX)", "All of the Netherlands"],
    "/kaart": ["Map of ICT cooperations", "Show on the map", "Legend: number of ICT cooperations"],
    "/over-de-gegevens": ["About the data", "Regional divisions", "Licence", "GEMMA reference components"],
}
DUTCH_INTERFACE = ["Over de gegevens", ">Samenwerkingen<", ">Gemeenten<", "Uitloggen", "Inloggen<", "Zoeken"]


@pytest.fixture
def english_client(anonymous_client):
    anonymous_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return anonymous_client


@pytest.mark.parametrize("path", list(ENGLISH_PAGES))
def test_the_pages_are_english_when_english_is_chosen(english_client, path):
    response = english_client.get(path)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    body = response.content.decode()
    assert '<html lang="en">' in body
    for words in ["Municipalities", "Cooperations", "About the data", "Log in", *ENGLISH_PAGES[path]]:
        assert words in body, f"{path}: {words!r} not on the English page"
    dutch = [words for words in DUTCH_INTERFACE if words in body]
    assert not dutch, f"{path}: Dutch interface text on the English page: {dutch}"


def test_the_pages_stay_dutch_without_the_cookie(anonymous_client):
    body = anonymous_client.get("/gemeenten").content.decode()
    assert '<html lang="nl">' in body and "342 gemeenten gevonden" in body and "Over de gegevens" in body
