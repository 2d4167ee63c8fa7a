# SPDX-License-Identifier: EUPL-1.2
"""Login throttling: after LOGIN_MAX_FAILURES failed attempts for one user name within
LOGIN_LOCKOUT_MINUTES, that user name is locked for the rest of the window; the same for one client
address after LOGIN_MAX_FAILURES_PER_IP. A locked attempt is refused before the password is checked, so
guessing goes on failing even with the right password. A successful login clears the user name's
failures."""

import math
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import LoginFailure


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXIES = n the n-th address from the right in
    X-Forwarded-For (what the outermost trusted proxy saw; entries further left can be forged)."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXIES
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _window_start():
    return timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def minutes_locked(username: str, ip: str | None) -> int:
    """0 when an attempt may go ahead, else the whole minutes until the oldest counted failure expires."""
    recent = LoginFailure.objects.filter(at__gte=_window_start())
    blocking = []
    by_name = recent.filter(username__iexact=username).order_by("-at")[: settings.LOGIN_MAX_FAILURES]
    if len(by_name) >= settings.LOGIN_MAX_FAILURES:
        blocking.append(by_name[len(by_name) - 1].at)
    if ip:
        by_ip = recent.filter(ip_address=ip).order_by("-at")[: settings.LOGIN_MAX_FAILURES_PER_IP]
        if len(by_ip) >= settings.LOGIN_MAX_FAILURES_PER_IP:
            blocking.append(by_ip[len(by_ip) - 1].at)
    if not blocking:
        return 0
    until = max(blocking) + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    return max(1, math.ceil((until - timezone.now()).total_seconds() / 60))


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip, at=timezone.now())
    LoginFailure.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()
