# SPDX-License-Identifier: EUPL-1.2
"""Word documents (python-docx) whose text can never break them: every string passes through
`goedebuur.core.text.printable` on its way in, so a control character stored in a name (which XML
cannot hold: python-docx raised ValueError, a 500 for every viewer) is left out instead. Every DOCX
the platform writes is built with `WordDocument` (the continuity plan, the trajectory outlines)."""

from __future__ import annotations

import io

from docx import Document

from goedebuur.core.text import printable


class WordDocument:
    def __init__(self, title: str, author: str = "Goede Buur"):
        self.document = Document()
        self.document.core_properties.title = printable(title)
        self.document.core_properties.author = printable(author)

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(printable(text), level=level)

    def paragraph(self, text: str = "", style: str | None = None, italic: bool = False) -> None:
        if italic:
            self.document.add_paragraph(style=style).add_run(printable(text)).italic = True
        else:
            self.document.add_paragraph(printable(text), style=style)

    def table(self, header: list[str], rows: list[list[str]], style: str = "Table Grid") -> None:
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = style
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = printable(text)
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = printable(text)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
