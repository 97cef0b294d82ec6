"""One plan per gemeente and start of the period (the blank new-plan form allowed a second).

Existing doubles are never removed here: each may hold work. The migration stops and names
them, so that the beheerder deletes the empty one (or moves its period) and migrates again.
"""

from django.db import migrations, models
from django.db.models import Count


def vereis_geen_dubbele(apps, schema_editor):
    Plan = apps.get_model("ivp", "Plan")
    dubbel = (
        Plan.objects.values("gemeente_id", "gemeente__naam", "periode_start")
        .annotate(aantal=Count("pk"))
        .filter(aantal__gt=1)
        .order_by("gemeente__naam", "periode_start")
    )
    regels = [
        f"- {d['gemeente__naam']}, looptijd vanaf {d['periode_start']:%d-%m-%Y}: "
        + ", ".join(
            f"plan {p.pk} ‘{p.titel}’"
            for p in Plan.objects.filter(
                gemeente_id=d["gemeente_id"], periode_start=d["periode_start"]
            ).order_by("pk")
        )
        for d in dubbel
    ]
    if regels:
        raise RuntimeError(
            "Een gemeente heeft meer dan één plan met dezelfde begindatum van de looptijd. "
            "Verwijder het overbodige plan of pas de looptijd aan, en migreer opnieuw:\n"
            + "\n".join(regels)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("ivp", "0009_regio_coordinatoren_historicalregio_coordinatoren"),
    ]

    operations = [
        migrations.RunPython(vereis_geen_dubbele, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="plan",
            constraint=models.UniqueConstraint(
                fields=("gemeente", "periode_start"), name="plan_een_per_periode"
            ),
        ),
    ]
