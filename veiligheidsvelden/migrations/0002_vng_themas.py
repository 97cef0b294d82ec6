from django.db import migrations

from veiligheidsvelden.vng_themas import VELDEN, themas


def laad(apps, schema_editor):
    Veld = apps.get_model("veiligheidsvelden", "Veld")
    Thema = apps.get_model("veiligheidsvelden", "Thema")
    velden = {}
    for code, naam, omschrijving, _hoofdthemas in VELDEN:
        velden[code], _ = Veld.objects.update_or_create(
            code=code, defaults={"naam": naam, "omschrijving": omschrijving}
        )
    per_code = {}
    for code, naam, veldcode, hoofdcode, volgorde in themas():
        per_code[code], _ = Thema.objects.update_or_create(
            code=code,
            gemeente=None,
            defaults={
                "naam": naam,
                "veld": velden.get(veldcode),
                "hoofdthema": per_code.get(hoofdcode),
                "volgorde": volgorde,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("veiligheidsvelden", "0001_initial")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
