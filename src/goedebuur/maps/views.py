# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render

from . import services


def national_map(request):
    return render(
        request, "maps/map.html", {"nav": "kaart", "national_map": services.cooperation_count_map()}
    )
