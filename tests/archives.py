# SPDX-License-Identifier: EUPL-1.2
"""Builders of Office files for the tests, made in the test with zipfile (no fixture files): minimal
real packages (DOCX, XLSX) and zip bombs, valid workbooks whose one sheet is tiny packed and huge
unpacked."""

import io
import zipfile

MAIN = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
PART = {"docx": "word/document.xml", "docm": "word/document.xml", "xlsx": "xl/workbook.xml"}
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
LANDSCAPE_HEADER = ("referentiecomponenten", "product", "leverancier", "hosting")
LANDSCAPE_ROW = ("Zaakregistratiecomponent", "Djuma", "Decos", "saas")


def _content_types(overrides: dict[str, str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in overrides.items())
        + "</Types>"
    )


def _relationships(*targets: tuple[str, str, str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{kind}" Target="{target}"/>' for i, kind, target in targets)
        + "</Relationships>"
    )


def office_package(
    kind: str = "docx", extra: dict[str, bytes] | None = None, main_part: bool = True
) -> bytes:
    """A minimal package whose main part has the content type of `kind` (docx, docm or xlsx);
    `main_part=False` leaves the main part out (a package that only pretends)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types({PART[kind]: MAIN[kind]}))
        archive.writestr("_rels/.rels", _relationships(("rId1", OFFICE_DOCUMENT, PART[kind])))
        if main_part:
            archive.writestr(PART[kind], "<document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _inline_row(values) -> str:
    return "<row>" + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in values) + "</row>"


def xlsx_workbook(rows: int) -> bytes:
    """A real XLSX workbook (sheet 'landschap') with the landscape header and `rows` data rows, all
    alike: highly compressible, the shape of a zip bomb. Written in a stream, never whole in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            _content_types(
                {
                    "xl/workbook.xml": MAIN["xlsx"],
                    "xl/worksheets/sheet1.xml": "application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.worksheet+xml",
                }
            ),
        )
        archive.writestr("_rels/.rels", _relationships(("rId1", OFFICE_DOCUMENT, "xl/workbook.xml")))
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{SHEET_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="landschap" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels", _relationships(("rId1", WORKSHEET, "worksheets/sheet1.xml"))
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<worksheet xmlns="{SHEET_NS}"><sheetData>{_inline_row(LANDSCAPE_HEADER)}'.encode())
            block = (_inline_row(LANDSCAPE_ROW) * 1000).encode()
            for _ in range(rows // 1000):
                sheet.write(block)
            sheet.write((_inline_row(LANDSCAPE_ROW) * (rows % 1000)).encode())
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def xlsx_bomb(rows: int = 200_000) -> bytes:
    """A valid workbook of ~200 KB whose sheet unpacks to ~40 MB (200,000 rows): a zip bomb."""
    return xlsx_workbook(rows)
