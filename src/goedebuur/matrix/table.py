# SPDX-License-Identifier: EUPL-1.2
"""The body of the matrix table as markup, written in Python rather than in a template loop: 342
rows x 24 columns are about 8,000 cells, which the template engine renders in about half a second
and this in a few milliseconds (bench/RESULTS.md, issue 16)."""

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .services import RegisterMatrix


def _url_maker(route: str, sample: str):
    """A function key -> URL with one `reverse` instead of one per row or cell."""
    head, _sep, tail = reverse(route, args=[sample]).rpartition(sample)
    return lambda key: f"{head}{key}{tail}"


def body(result: RegisterMatrix, *, with_ict_total: bool) -> SafeString:
    """The `<tr>`s of the matrix: a row header linking to the municipality, one cell per column (the
    number of cooperations, unfolding to their links), the totals."""
    municipality_url = _url_maker("municipalities:detail", "GM0000")
    cooperation_url = _url_maker("cooperations:detail", "slug-0000")
    labels: dict[int, str] = {}  # one translation per distinct count, not per cell

    def label(n: int) -> str:
        if n not in labels:
            labels[n] = ngettext("%(m)s, %(d)s: %(n)s samenwerking", "%(m)s, %(d)s: %(n)s samenwerkingen", n)
        return labels[n]

    none = escape(_("geen"))
    items = {
        slug: f'<li><a href="{escape(cooperation_url(slug))}">{escape(c.name)}</a></li>'
        for slug, c in result.cooperations.items()
    }
    out = []
    for municipality, cells, total, ict_total in result.rows():
        name = escape(municipality.name)
        parts = [
            f'<tr><th scope="row"><a href="{escape(municipality_url(municipality.code))}">{name}</a></th>'
        ]
        for column, cooperations in cells:
            classes = "cell ctx" if column.context else "cell"
            if not cooperations:
                parts.append(f'<td class="{classes}"><span aria-label="{none}">·</span></td>')
                continue
            n = len(cooperations)
            summary = escape(label(n) % {"m": municipality.name, "d": column.name, "n": n})
            links = "".join(items[c.slug] for c in cooperations)
            parts.append(
                f'<td class="{classes} filled" data-domain="{escape(column.slug)}"><details>'
                f'<summary aria-label="{summary}">{len(cooperations)}</summary><ul>{links}</ul></details></td>'
            )
        if with_ict_total:
            parts.append(f'<td class="num">{ict_total}</td>')
        parts.append(f'<td class="num">{total}</td></tr>')
        out.append("".join(parts))
    return mark_safe("\n".join(out))
