class Geweigerd(Exception):
    """An action the user asked for is not allowed now; `redenen` say why, in Dutch."""

    def __init__(self, *redenen: str) -> None:
        super().__init__(" ".join(redenen))
        self.redenen = list(redenen)


class GeenToegang(Geweigerd):
    """The user lacks the role for this action in this gemeente."""


# What a user sees when someone else changed the same object in between (a concurrent
# transition, a lost update refused).
GELIJKTIJDIG_GEWIJZIGD = (
    "Iemand anders heeft dit zojuist gewijzigd. De pagina toont nu de nieuwe stand; "
    "bekijk die en probeer het zo nodig opnieuw."
)
