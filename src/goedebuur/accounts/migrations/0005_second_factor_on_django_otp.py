# SPDX-License-Identifier: EUPL-1.2
"""The second factor moves onto django-otp (0005-0007), step 1: room for a recovery code's device. Three
migrations, because PostgreSQL does not alter a table with pending trigger events in the transaction
that wrote its rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_second_factor"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [
        migrations.AddField(
            model_name="recoverycode",
            name="device",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="otp_totp.totpdevice"
            ),
        ),
        migrations.AlterField(
            model_name="recoverycode",
            name="factor",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="recovery_codes",
                to="accounts.secondfactor",
            ),
        ),
    ]
