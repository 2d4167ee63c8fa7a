# SPDX-License-Identifier: EUPL-1.2
"""Entries added on the platform wait for a platform administrator's approval before they are public
(issue 20). Every entry that exists already was public: it counts as approved."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def approve_existing(apps, schema_editor):
    apps.get_model("cooperations", "Cooperation").objects.update(approved_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("cooperations", "0005_text_lengths"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="cooperation",
            name="approved_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="goedgekeurd op"),
        ),
        migrations.AddField(
            model_name="cooperation",
            name="approved_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(approve_existing, migrations.RunPython.noop),
    ]
