# SPDX-License-Identifier: EUPL-1.2
from django.shortcuts import render


def matrix_page(request):
    return render(request, "matrix/matrix.html", {"nav": "matrix"})
