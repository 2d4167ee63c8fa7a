# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.core.experiences import safe_markdown


def test_it_renders_markdown():
    html = safe_markdown.render("## Les\n\n- **vet**\n- [bron](https://example.org)")
    assert "<h2>Les</h2>" in html and "<strong>vet</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">bron</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "[klik](javascript:alert(1))",
        "<a href='JaVaScRiPt:alert(1)'>x</a>",
        '<img src="x" onerror="alert(1)">',
        '<p onclick="alert(1)">tekst</p>',
        "<iframe src='https://evil.example'></iframe>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_it_removes_scripts_javascript_links_and_event_attributes(text):
    html = safe_markdown.render(text).lower()
    assert "<script" not in html and "javascript:" not in html and "data:" not in html
    assert "onerror" not in html and "onclick" not in html and "<iframe" not in html and "<img" not in html


def test_plain_text_has_no_markup_and_no_script_content():
    assert (
        safe_markdown.plain_text("# Kop\n\nTekst met **vet** & <script>x()</script>") == "Kop Tekst met vet &"
    )
