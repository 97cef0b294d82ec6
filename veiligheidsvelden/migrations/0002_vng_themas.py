from django.db import migrations

from veiligheidsvelden import vng_themas


def laad(apps, schema_editor):
    vng_themas.laad(
        apps.get_model("veiligheidsvelden", "Veld"), apps.get_model("veiligheidsvelden", "Thema")
    )


class Migration(migrations.Migration):
    dependencies = [("veiligheidsvelden", "0001_initial")]

    operations = [migrations.RunPython(laad, migrations.RunPython.noop)]
