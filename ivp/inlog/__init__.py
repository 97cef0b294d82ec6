"""Logging in and staying safe while logged in (docs/beveiliging.md): lockout (django-axes),
the second factor (django-otp), OpenID Connect (mozilla-django-oidc), passwords, session
lifetimes and the security log."""
