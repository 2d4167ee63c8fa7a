# SPDX-License-Identifier: EUPL-1.2
"""A rate limit for heavy computations that anyone may ask for without logging in: the cluster
optimiser and the achtervang pairing (`/clusters`, `/achtervang-koppels`, `POST /api/v1/clusters`,
`GET /api/v1/achtervang-koppels`; one answer can take seconds of CPU).

At most ANONYMOUS_HEAVY_RATE (default `20/min`) such requests per client address, counted together
over pages and API, in Django's cache (DRF's throttle on `django.core.cache`). Logged-in users are
not limited. The cache is shared by every web process (the database cache by default, Redis when
GOEDEBUUR_CACHE_URL names one; docs/deploy.md), so the limit holds for the whole installation; with
`locmem://` it is per process (four web processes: at most four times the rate). Over the limit the API answers 429
problem+json with `Retry-After` (goedebuur.api.problems), a page 429 with the Dutch page and
`Retry-After`. The client address is that of the login throttle: REMOTE_ADDR, or with
TRUSTED_PROXIES = n the n-th address from the right in X-Forwarded-For."""

import math
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from rest_framework.throttling import SimpleRateThrottle


class HeavyAnonymousThrottle(SimpleRateThrottle):
    scope = "heavy-anonymous"

    def get_rate(self):
        return settings.ANONYMOUS_HEAVY_RATE

    def get_ident(self, request):
        proxies = settings.TRUSTED_PROXIES
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if proxies and len(forwarded) >= proxies:
            return forwarded[-proxies]
        return request.META.get("REMOTE_ADDR", "")

    def get_cache_key(self, request, view):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def limit_anonymous(view):
    """The same limit for a page: 429 with the Dutch page and `Retry-After` when it is used up."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        throttle = HeavyAnonymousThrottle()
        if throttle.allow_request(request, None):
            return view(request, *args, **kwargs)
        seconds = max(1, math.ceil(throttle.wait() or 1))
        response = render(request, "429.html", {"seconds": seconds}, status=429)
        response["Retry-After"] = str(seconds)
        return response

    return limited
