# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur warm-cache`: the heavy default results are in the shared cache before anyone asks."""

import io

import pytest
from django.core.management import call_command

from goedebuur.clusters import pairs, services
from goedebuur.maps import services as maps

pytestmark = pytest.mark.django_db


@pytest.fixture
def computations(monkeypatch):
    calls = []
    for module, name in (
        (services, "propose_clusters"),
        (pairs, "fallback_pairs"),
        (maps, "cooperation_count_map"),
    ):
        original = getattr(module, name)

        def counting(*args, original=original, name=name, **kwargs):
            calls.append(name)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    return calls


def test_after_warming_the_default_pages_compute_nothing(computations, anonymous_client, editor_a_client):
    out = io.StringIO()
    call_command("warm-cache", stdout=out)
    assert "nl: /kaart, /clusters, /achtervang-koppels" in out.getvalue()
    computations.clear()
    for client in (anonymous_client, editor_a_client):
        for url in ("/clusters", "/achtervang-koppels", "/kaart", "/"):
            assert client.get(url).status_code == 200
    assert computations == []
