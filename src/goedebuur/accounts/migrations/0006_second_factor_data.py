# SPDX-License-Identifier: EUPL-1.2
"""The second factor moves onto django-otp (0005-0007), step 2, the data: every accounts.SecondFactor
becomes an otp_totp.TOTPDevice with the same secret (base32 -> hex), the same last used time step and its
confirmation time as `created_at`; the hashed recovery codes move with it. Enrolled users keep their app
and their codes."""

import base64

from django.db import migrations

DEVICE_NAME = "Authenticator-app"


def _hex_key(secret):
    cleaned = "".join(secret.split()).upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8)).hex()


def to_devices(apps, schema_editor):
    SecondFactor = apps.get_model("accounts", "SecondFactor")
    RecoveryCode = apps.get_model("accounts", "RecoveryCode")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for factor in SecondFactor.objects.all():
        device = TOTPDevice.objects.create(
            user_id=factor.user_id,
            name=DEVICE_NAME,
            confirmed=factor.confirmed,
            key=_hex_key(factor.secret),
            step=30,
            t0=0,
            digits=6,
            tolerance=1,
            drift=0,
            last_t=factor.last_used_step,
        )
        # auto_now_add set created_at on create; the page shows it as "Ingesteld op".
        TOTPDevice.objects.filter(pk=device.pk).update(created_at=factor.confirmed_at or factor.created_at)
        RecoveryCode.objects.filter(factor=factor).update(device=device)


def to_factors(apps, schema_editor):
    SecondFactor = apps.get_model("accounts", "SecondFactor")
    RecoveryCode = apps.get_model("accounts", "RecoveryCode")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for device in TOTPDevice.objects.order_by("pk"):
        if SecondFactor.objects.filter(user_id=device.user_id).exists():
            continue
        factor = SecondFactor.objects.create(
            user_id=device.user_id,
            secret=base64.b32encode(bytes.fromhex(device.key)).decode("ascii").rstrip("="),
            confirmed=device.confirmed,
            confirmed_at=device.created_at if device.confirmed else None,
            last_used_step=device.last_t,
        )
        RecoveryCode.objects.filter(device=device).update(factor=factor, device=None)
    RecoveryCode.objects.filter(factor__isnull=True).delete()
    TOTPDevice.objects.all().delete()  # moved back; one factor per user, as before


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_second_factor_on_django_otp"),
    ]

    operations = [migrations.RunPython(to_devices, to_factors)]
