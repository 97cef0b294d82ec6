import factory

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Regio, Rol


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n + 5000:04d}")


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio

    naam = factory.Sequence(lambda n: f"Regio {n}")


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Kim"
    last_name = factory.Sequence(lambda n: f"de Tester {n}")
    password = factory.PostGenerationMethodCall("set_password", "wachtwoord")

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        """`GebruikerFactory(rol=(gemeente, RolSoort.COORDINATOR))` gives the user that role."""
        if create and extracted:
            gemeente, soort = extracted
            Rol.objects.create(gebruiker=self, gemeente=gemeente, soort=soort)
        if create:
            self.save()


class RolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rol

    gebruiker = factory.SubFactory(GebruikerFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    soort = RolSoort.WERKGROEPLID
