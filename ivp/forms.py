"""How every form in IVP Regie is rendered.

`settings.FORM_RENDERER` points here. Forms, fields and widgets render through the project's
templates (`TemplatesSetting`), so NL Design System markup lives in one place:

- `templates/includes/form.html`: a whole form (error summary, fields, hidden fields);
- `templates/includes/form_field.html`: one field (label, hint, error, widget);
- `templates/django/forms/widgets/*.html`: the widgets with Utrecht classes.

`TemplatesSetting` finds Django's own form templates through the `django.forms` app, which
therefore has to be in INSTALLED_APPS. See docs/frontend.md.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.forms.renderers import TemplatesSetting

from ivp.exceptions import Geweigerd


class IvpFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/form_field.html"


def bewaar_via_form(form: Form, service: Callable[..., Any], **kwargs: Any) -> Any:
    """Call `service` (one write) for a validated `form`.

    On refusal the reasons go onto the form: a `ValidationError` on the field it names when
    the form has that field, otherwise in the error summary; a `Geweigerd` in the summary. The
    form is then rendered again, so nothing the user entered is lost. Returns the service's
    result (True when it returns nothing), or None when refused.
    """
    try:
        resultaat = service(**kwargs)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for veld, fouten in error.error_dict.items():
                doel = veld if veld in form.fields else None
                for fout in fouten:
                    form.add_error(doel, fout)
        else:
            form.add_error(None, error)
        return None
    except Geweigerd as weigering:
        for reden in weigering.redenen:
            form.add_error(None, reden)
        return None
    return True if resultaat is None else resultaat
