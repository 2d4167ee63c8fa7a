# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render


def cooperation_list(request):
    return render(request, "cooperations/list.html", {"nav": "samenwerkingen"})


def cooperation_detail(request, slug):
    return render(request, "cooperations/list.html", {"nav": "samenwerkingen"})
