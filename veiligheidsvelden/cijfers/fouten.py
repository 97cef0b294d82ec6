"""Why an import stopped, in Dutch, for the coordinator. Every one leaves the stored
metingen as they were: the importer reads everything before it writes anything."""

from __future__ import annotations


class Cijferfout(Exception):
    """An import that could not be done; `str()` is the sentence the coordinator reads."""


class Ophaalfout(Cijferfout):
    """CBS could not be reached, or answered with an error."""


class Schemafout(Cijferfout):
    """CBS's answer is not shaped as the table was (a column gone, not JSON)."""


class Bestandsfout(Cijferfout):
    """An uploaded file that is not the portal's CSV download."""


class Gebiedsfout(Cijferfout):
    """The figures do not cover the gemeente asked for (an unknown or outdated code)."""
