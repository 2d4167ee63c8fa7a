# SPDX-License-Identifier: EUPL-1.2
"""The second factor moves onto django-otp (0005-0007), step 3: the old table goes, accounts.SecondFactor
becomes a proxy of django-otp's TOTPDevice and the recovery codes point at it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_second_factor_data"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="recoverycode", name="accounts_recoverycode_unique_hash"),
        migrations.RemoveField(model_name="recoverycode", name="factor"),
        migrations.DeleteModel(name="SecondFactor"),
        migrations.CreateModel(
            name="SecondFactor",
            fields=[],
            options={
                "verbose_name": "tweestapsverificatie",
                "verbose_name_plural": "tweestapsverificaties",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("otp_totp.totpdevice",),
        ),
        migrations.RenameField(model_name="recoverycode", old_name="device", new_name="factor"),
        migrations.AlterField(
            model_name="recoverycode",
            name="factor",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="recovery_codes",
                to="accounts.secondfactor",
            ),
        ),
        migrations.AddConstraint(
            model_name="recoverycode",
            constraint=models.UniqueConstraint(
                fields=("factor", "code_hash"), name="accounts_recoverycode_unique_hash"
            ),
        ),
    ]
