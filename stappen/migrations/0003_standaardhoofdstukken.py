"""Give every existing document the standard chapters of its type (empty)."""

from django.db import migrations

# A frozen copy of stappen.constants.STANDAARD_HOOFDSTUKKEN as it was when this ran.
HOOFDSTUKKEN = {
    "startnotitie": [
        ("inleiding", "Inleiding"),
        ("uitgangspunten", "Uitgangspunten"),
        ("bestuurlijke-rollen", "Bestuurlijke rollen"),
        ("veiligheidsvelden", "Veiligheidsvelden"),
        ("stappenplan", "Stappenplan"),
        ("werkgroep", "Werkgroep"),
        ("randvoorwaarden", "Randvoorwaarden"),
    ],
    "veiligheidsanalyse": [
        ("inleiding", "Inleiding"),
        ("samenvatting", "Samenvatting"),
        ("werkwijze-en-bronnen", "Werkwijze en bronnen"),
        ("trends", "Dominante trends en het verhaal achter de cijfers"),
        ("conclusies", "Conclusies"),
        ("aanbevelingen", "Aanbevelingen"),
    ],
    "prioritering": [
        ("inleiding", "Inleiding"),
        ("werkwijze", "Werkwijze en criteria"),
        ("raadsbijeenkomst", "Opiniërende bijeenkomst met de raad"),
        ("driehoek", "Bespreking in de driehoek"),
        ("afweging", "Afweging en motivatie"),
    ],
    "ivp": [
        ("inleiding", "Inleiding"),
        ("missie-en-visie", "Missie en visie"),
        ("uitgangssituatie", "Uitgangssituatie"),
        ("prioriteiten", "Prioriteiten"),
        ("strategische-themas", "Overige strategische thema's"),
        ("organisatie", "Organisatie en samenwerking"),
        ("financien", "Financiën"),
        ("evaluatie", "Evaluatie"),
    ],
    "uitvoeringsplan": [
        ("inleiding", "Inleiding"),
        ("ivp-op-hoofdlijnen", "Het IVP op hoofdlijnen"),
        ("beleidscyclus", "Beleidscyclus"),
        ("activiteiten", "Activiteiten per prioriteit"),
        ("beheer", "Reguliere taken (beheer)"),
        ("planning-en-budget", "Planning en budget"),
    ],
    "voortgangsrapportage": [
        ("inleiding", "Inleiding"),
        ("resultaten", "Resultaten per prioriteit"),
        ("voortgang", "Voortgang van de activiteiten"),
        ("evaluatie", "Evaluatie"),
        ("vooruitblik", "Vooruitblik op het volgende uitvoeringsplan"),
    ],
}


def maak_hoofdstukken(apps, schema_editor):
    Document = apps.get_model("stappen", "Document")
    Hoofdstuk = apps.get_model("stappen", "Hoofdstuk")
    for document in Document.objects.all():
        bestaand = set(document.hoofdstukken.values_list("sleutel", flat=True))
        for volgorde, (sleutel, titel) in enumerate(HOOFDSTUKKEN.get(document.soort, []), 1):
            if sleutel not in bestaand:
                Hoofdstuk.objects.create(
                    document=document, sleutel=sleutel, titel=titel, volgorde=volgorde
                )


class Migration(migrations.Migration):
    dependencies = [("stappen", "0002_documenten")]

    operations = [migrations.RunPython(maak_hoofdstukken, migrations.RunPython.noop)]
