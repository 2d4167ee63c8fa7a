# SPDX-License-Identifier: EUPL-1.2
"""The official ROO export (`exportOO.xml`, published daily by KOOP at
https://organisaties.overheid.nl/archive/exportOO.xml) read into `RegelingVersion`s.

The export's root `overheidsorganisaties` holds `organisaties/organisatie` (every government body,
the executing bodies of GRs among them) and `gemeenschappelijkeRegelingen/regeling` (the legal GR
register, one element per version). Elements are unqualified; attributes carry the export's
namespace (`xmlns:p="https://organisaties.overheid.nl/static/schema/oo/export/<version>"`), so names
are matched on their local part, whatever the prefix or version. Only `regeling` elements with
participants become versions: an organisation, also one of type "Gemeenschappelijke regeling" (the
body that carries a regeling out), is not a version of a regeling.

The values are exactly those `gr.read_polder_jsonl` gives for polder's record of the same element
(polder's `src/polder/fetchers/roo.py`, `parse_gemeenschappelijke_regeling`): the title with its
first letter capitalised, the ROO link with polder's slug, missing dates as None.

The file is streamed (`iterparse`, each finished organisation or regeling dropped from the tree), and
parsed by defusedxml with DTDs forbidden: a DOCTYPE, entity or external reference is refused before
any of it is expanded (`unsafe_xml`)."""

import gzip
import os
import re
import unicodedata
import zlib

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import ParseError, iterparse

from goedebuur.core.register.gr import (
    GrFormatError,
    Participant,
    RegelingVersion,
    _check_unique,
    parse_date,
)

ROO_ROOT = "overheidsorganisaties"
ROO_SITE = "https://organisaties.overheid.nl"
_REGELING = "regeling"


def read_roo_xml(stream) -> list[RegelingVersion]:
    """Every `regeling` with participants in an ROO export. `stream` is a binary file object (or a
    path); compressed files go through `gr_file.read_file`. Raises `GrFormatError`: `empty`,
    `not_roo` (XML, but another document: RSS, HTML, ...), `truncated` (ill-formed or cut off; `line`
    set), `unsafe_xml`, `no_regelingen` (an ROO export without GR register, e.g. a category export),
    and the record errors `bad_date`, `no_id`, `no_name`, `participant_without_date`, `duplicate_id`."""
    if isinstance(stream, str | os.PathLike):
        with open(stream, "rb") as handle:
            return read_roo_xml(handle)
    source = _Watched(stream)
    versions: list[RegelingVersion] = []
    stack: list = []
    regelingen = 0
    try:
        for event, elem in iterparse(source, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                if not stack and _local(elem.tag) != ROO_ROOT:
                    raise GrFormatError("not_roo", "", _local(elem.tag)[:40])
                stack.append(elem)
                continue
            stack.pop()
            if _local(elem.tag) == _REGELING:
                regelingen += 1
                version = _from_regeling(elem, regelingen)
                if version is not None:
                    versions.append(version)
            if 1 <= len(stack) <= 2:
                # A container (`organisaties`) or one of its records is finished: drop it.
                stack[-1].remove(elem)
    except DTDForbidden as error:
        if (error.name or "").lower() == "html":
            raise GrFormatError("not_roo", "", "html") from None
        raise GrFormatError("unsafe_xml", "", "DOCTYPE") from None
    except DefusedXmlException as error:
        raise GrFormatError("unsafe_xml", "", type(error).__name__) from None
    except ParseError as error:
        if not source.content:
            raise GrFormatError("empty") from None
        line, column = getattr(error, "position", (None, None))
        raise GrFormatError("truncated", "", f"{line}:{column}", line=line) from None
    except (EOFError, gzip.BadGzipFile, zlib.error):
        raise GrFormatError("truncated") from None
    if not versions:
        raise GrFormatError("no_regelingen")
    _check_unique(versions)
    return versions


class _Watched:
    """A stream that notes whether anything but whitespace was read (an empty file and a broken one
    give the same parse error)."""

    def __init__(self, stream):
        self._stream = stream
        self.content = False

    def read(self, size=-1):
        data = self._stream.read(size)
        if not self.content and data and data.strip():
            self.content = True
        return data


# --- one regeling --------------------------------------------------------------------------------


def _from_regeling(elem, number: int) -> RegelingVersion | None:
    raw_participants = [
        child for child in _children(elem, "deelnemendeOrganisaties") if _holds_anything(child)
    ]
    if not raw_participants:
        return None
    raw_title = _child_text(elem, "titel") or _child_text(elem, "naam")
    title = _capitalised(raw_title)
    roo_id = _attr(elem, "systeemId") or _child_text(elem, "id")
    if not roo_id:
        raise GrFormatError("no_id", title or f"#{number}")
    if not title:
        raise GrFormatError("no_name", roo_id)
    label = f"{title} ({roo_id})"
    participants = []
    for raw in raw_participants:
        name = _ref_name(raw)
        joined = parse_date(_child_text(raw, "toetredingsDatum"), label)
        if joined is None:
            raise GrFormatError("participant_without_date", label, name)
        participants.append(
            Participant(
                name=name,
                roo_id=_attr(raw, "systeemId"),
                tooi=_attr(raw, "resourceIdentifierTOOI"),
                joined=joined,
                left=parse_date(_child_text(raw, "uittredingsDatum"), label),
                cost_key=_child_text(raw, "verdeelsleutel"),
            )
        )
    citation_title = _child_text(elem, "citeertitel")
    form = _child(elem, "samenwerkingsvorm")
    in_force_from = parse_date(_child_text(elem, "datumInwerkingtreding"), label)
    in_force_until = parse_date(_child_text(elem, "datumUitwerkingtreding"), label)
    return RegelingVersion(
        roo_id=roo_id,
        title=title,
        citation_title=citation_title,
        tooi=_attr(elem, "resourceIdentifierTOOI"),
        valid_from=in_force_from,
        valid_until=in_force_until,
        in_force_from=in_force_from,
        in_force_until=in_force_until,
        legal_form=_attr(form, "afkorting").upper() if form is not None else "",
        legal_form_name=_text(form),
        purpose=_child_text(elem, "doel"),
        policy_areas=tuple(t for t in (_text(a) for a in _children(elem, "beleidsterreinen")) if t),
        participants=tuple(participants),
        decisions=tuple(t for t in (_text(r) for r in _children(elem, "instellingsbesluiten")) if t),
        roo_url=f"{ROO_SITE}/{roo_id}/{slugify(citation_title or raw_title) or 'x'}",
        body_name=_ref_name(_child(elem, "regionaalSamenwerkingsorgaan")),
        previous_id=_attr(_child(elem, "previousVersion"), "systeemId"),
        next_id=_attr(_child(elem, "nextVersion"), "systeemId"),
        last_mutation=parse_date(_child_text(elem, "datumMutatie"), label),
    )


def slugify(name: str) -> str:
    """Polder's slug (lowercase ASCII, `&` as `en`, hyphens), which ends the ROO links it records."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[\s_]+", "-", text.lower().replace("&", " en "))
    text = re.sub(r"[^a-z0-9-]+", "", text)
    return re.sub(r"-+", "-", text).strip("-")


def _capitalised(title: str) -> str:
    """Polder writes every name with a capital first letter; so does this reader."""
    for index, char in enumerate(title):
        if char.isalpha():
            return title[:index] + char.upper() + title[index + 1 :] if char.islower() else title
    return title


# --- element helpers (names matched on their local part) -----------------------------------------


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _text(elem) -> str:
    return (elem.text or "").strip() if elem is not None else ""


def _child(elem, name: str):
    return next((child for child in elem if _local(child.tag) == name), None)


def _children(elem, container: str) -> list:
    """The child elements of `elem`'s child `container` (a list element such as `beleidsterreinen`)."""
    found = _child(elem, container)
    return list(found) if found is not None else []


def _child_text(elem, name: str) -> str:
    return _text(_child(elem, name))


def _attr(elem, name: str) -> str:
    if elem is None:
        return ""
    wanted = name.lower()
    return next((value.strip() for key, value in elem.attrib.items() if _local(key).lower() == wanted), "")


def _ref_name(elem) -> str:
    """A reference to an organisation names it in a `naam` child or as its own text."""
    if elem is None:
        return ""
    return _child_text(elem, "naam") or _text(elem)


def _holds_anything(elem) -> bool:
    return bool(elem.attrib) or bool(_text(elem)) or any(_text(c) or len(c) or c.attrib for c in elem)
