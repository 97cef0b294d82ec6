"""Response headers Django has no setting for (the "Issue 15 (afscherming)" settings block)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class PermissionsPolicyMiddleware:
    """Adds `Permissions-Policy` (settings.PERMISSIONS_POLICY) to every response that has none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        beleid = getattr(settings, "PERMISSIONS_POLICY", "")
        if beleid and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = beleid
        return response
