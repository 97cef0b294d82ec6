"""factory_boy factories for the taxonomy and the flankerend beleid.

The VNG list (five velden, their hoofdthema's and thema's) is loaded by a migration and is
there in every test; these factories make a gemeente's own themes and beleidsdocumenten, or
extra velden and VNG themes for a test of the rules themselves. A model here has no service
(beheer edits it in the admin), so the factories save through `full_clean()` the way the
admin does, which keeps their rules in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import factory
from django.db import models

from tests.ivp.factories import GemeenteFactory
from veiligheidsvelden.constants import BeleidsdocumentSoort
from veiligheidsvelden.models import Beleidsdocument, Thema, Veld


class _GevalideerdFactory(factory.django.DjangoModelFactory):
    """Saves after `full_clean()`, as the admin form does."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class: type[models.Model], *args: Any, **kwargs: Any) -> Any:
        obj = model_class(*args, **kwargs)
        obj.full_clean()
        obj.save()
        return obj


class VeldFactory(_GevalideerdFactory):
    """An extra veld beside the five of the VNG list (codes 6, 7, …)."""

    class Meta:
        model = Veld

    code = factory.Sequence(lambda n: str(6 + n % 94))
    naam = factory.Sequence(lambda n: f"Veld {n}")


class ThemaFactory(_GevalideerdFactory):
    """A gemeente's own hoofdthema by default (code prefixed with its CBS code). Give
    `hoofdthema` for a thema under it (veld and gemeente follow the hoofdthema), or
    `gemeente=None` for a theme of the VNG list."""

    class Meta:
        model = Thema

    gemeente = factory.SubFactory(GemeenteFactory)
    hoofdthema = None
    veld = factory.LazyAttribute(lambda o: o.hoofdthema.veld if o.hoofdthema else None)
    code = factory.LazyAttributeSequence(
        lambda o, n: f"{o.gemeente.cbs_code if o.gemeente else 'T'}.{n + 1}"
    )
    naam = factory.Sequence(lambda n: f"Eigen thema {n}")


class BeleidsdocumentFactory(_GevalideerdFactory):
    """Flankerend beleid of a gemeente; `themas=[…]` links it to themes."""

    class Meta:
        model = Beleidsdocument
        skip_postgeneration_save = True

    gemeente = factory.SubFactory(GemeenteFactory)
    soort = BeleidsdocumentSoort.JEUGDBELEID
    titel = "Jeugdbeleid 2021–2024"

    @factory.post_generation
    def themas(self, create: bool, extracted: Iterable[Thema] | None, **kwargs: Any) -> None:
        if create and extracted:
            self.themas.add(*extracted)
