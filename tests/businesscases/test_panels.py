# SPDX-License-Identifier: EUPL-1.2
"""The business-case panel on a municipality page: only for those who may see the cases."""

import pytest

from ..factories import RHENEN
from .factories import make_case

pytestmark = pytest.mark.django_db


def test_the_municipality_page_lists_its_cases_for_partners_only(
    editor_a, reader_a_client, editor_b_client, anonymous_client
):
    make_case(editor_a, name="Paneelcase")
    assert "Paneelcase" in reader_a_client.get(f"/gemeenten/{RHENEN}").content.decode()
    assert "Paneelcase" not in editor_b_client.get(f"/gemeenten/{RHENEN}").content.decode()
    assert "Paneelcase" not in anonymous_client.get(f"/gemeenten/{RHENEN}").content.decode()
