# SPDX-License-Identifier: EUPL-1.2
"""/gemeenten/<code>/netwerk: who a municipality shares most regelingen with, as a chart and a table."""

import datetime as dt
import re

import pytest

from goedebuur.cooperations import services
from goedebuur.municipalities.models import Municipality
from tests.factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, gr_participant, gr_record, write_gr_file

pytestmark = pytest.mark.django_db

WASTE = {
    "purpose": "Inzameling van huishoudelijk afval.",
    "policy_areas": ("natuur en milieu | afval",),
    "form": "OL",
}
PROVINCE = [
    VEENENDAAL,
    RHENEN,
    RENSWOUDE,
    UTRECHT,
    "GM0352",
    "GM0356",
    "GM0307",
    "GM0308",
    "GM0310",
    "GM0312",
]


def register(tmp_path, extra=()):
    records = [
        gr_record(
            "801",
            "ICT Vallei",
            [gr_participant(VEENENDAAL, "2016-03-01"), gr_participant(RHENEN, "2012-01-01")],
        ),
        gr_record("802", "Afvalschap Utrecht", [gr_participant(c, "2001-01-01") for c in PROVINCE], **WASTE),
        *extra,
    ]
    services.import_register(write_gr_file(tmp_path, records), register_date=dt.date(2026, 5, 16))


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_draws_the_municipality_in_the_centre_and_its_partners_around_it(anonymous_client, tmp_path):
    register(tmp_path)
    body = get(anonymous_client, "/gemeenten/GM0345/netwerk")
    assert "<h1>Netwerk van Veenendaal</h1>" in body
    chart = body[body.index('<svg class="network-chart"') : body.index("</svg>")]
    assert 'role="group"' in chart and 'aria-label="Netwerk van Veenendaal: de 9 gemeenten' in chart
    assert chart.count("<line ") == 9 and chart.count("<a href=") == 9
    assert '<a href="/gemeenten/GM0340"><title>Rhenen: 2 gedeelde regelingen (gewicht 1,11)</title>' in chart
    widths = [float(w) for w in re.findall(r'stroke-width="([\d.]+)"/>', chart)]
    assert widths[0] == max(widths) > widths[-1]  # Rhenen, first and thickest


def test_it_offers_the_same_figures_as_a_table(anonymous_client, tmp_path):
    register(tmp_path)
    body = get(anonymous_client, "/gemeenten/GM0345/netwerk")
    table = body[body.index('<table class="network-table">') :]
    rows = re.findall(r'<th scope="row"><a href="/gemeenten/(GM\d+)">', table)
    assert rows[0] == RHENEN and len(rows) == 9
    body_rows = table[table.index("<tbody>") :]
    first = body_rows[: body_rows.index("</tr>")]
    assert '<td class="num">2</td><td class="num">1,11</td>' in first
    assert 'ICT Vallei</a> <span class="hint">(1 maart 2016, 2 gemeenten)</span>' in first
    assert "<td>1 januari 2001</td>" in first  # together since the oldest shared regeling
    assert "1 / (aantal deelnemende gemeenten − 1)" in body
    assert "Bron: Register van Overheidsorganisaties (KOOP), peildatum 16 mei 2026" in body


def test_it_folds_the_partners_after_the_first_twenty(anonymous_client, tmp_path):
    utrecht = (
        Municipality.objects.filter(province__code="PV26")
        .exclude(code__in=PROVINCE)
        .values_list("code", flat=True)
    )
    many = [*PROVINCE[1:], *utrecht][:21]  # 21 partners, the nine of the afvalschap among them
    register(
        tmp_path,
        [gr_record("803", "Regio Utrecht", [gr_participant(c) for c in [VEENENDAAL, *many]], **WASTE)],
    )
    body = get(anonymous_client, "/gemeenten/GM0345/netwerk")
    assert "21 partners als tabel" in body
    assert "<summary>Toon nog 1 partner</summary>" in body
    assert body.count("<line ") == 16  # the chart shows the closest sixteen


def test_it_counts_only_ict_cooperations_on_request(anonymous_client, tmp_path):
    register(tmp_path)
    body = get(anonymous_client, "/gemeenten/GM0345/netwerk?alleen=ict")
    assert '<option value="ict" selected>' in body
    assert re.findall(r'<th scope="row"><a href="/gemeenten/(GM\d+)">', body) == [RHENEN]
    body = get(anonymous_client, "/gemeenten/GM0344/netwerk?alleen=ict")
    assert "Utrecht deelt nu geen ICT-samenwerking met een andere gemeente." in body
    assert "network-chart" not in body


def test_it_says_so_when_nothing_is_shared_and_404s_an_unknown_code(anonymous_client):
    body = get(anonymous_client, "/gemeenten/gm0345/netwerk")
    assert "Veenendaal deelt nu geen regeling of samenwerking met een andere gemeente." in body
    response = anonymous_client.get("/gemeenten/GM9999/netwerk")
    assert response.status_code == 404 and "bestaat niet" in response.content.decode()
