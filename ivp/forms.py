"""How every form in IVP Regie is rendered.

`settings.FORM_RENDERER` points here. Forms, fields and widgets render through the project's
templates (`TemplatesSetting`), so NL Design System markup lives in one place:

- `templates/includes/form.html`: a whole form (error summary, fields, hidden fields);
- `templates/includes/form_field.html`: one field (label, hint, error, widget);
- `templates/django/forms/widgets/*.html`: the widgets with Utrecht classes.

`TemplatesSetting` finds Django's own form templates through the `django.forms` app, which
therefore has to be in INSTALLED_APPS. See docs/frontend.md.
"""

from django.contrib.auth.forms import AuthenticationForm
from django.forms.renderers import TemplatesSetting


class IvpFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/form_field.html"


class InlogForm(AuthenticationForm):
    """Django's login form; once it comes back with errors the error summary has the focus,
    so the username field gives up its `autofocus` (a page has one autofocus)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.fields["username"].widget.attrs.pop("autofocus", None)
