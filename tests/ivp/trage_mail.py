"""A mail backend for the worker that a test kills: each mail becomes a file in
`settings.MAILMAP`; while the file `hang` exists there, the first send writes `bezig` (with
the id of the process that sends) and waits, so the test can kill that process in the middle
of the task, before the mail leaves."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


class TrageMail(BaseEmailBackend):
    def send_messages(self, messages: Any) -> int:
        map = Path(getattr(settings, "MAILMAP"))  # noqa: B009  (a setting of the worker only)
        if (map / "hang").exists():
            (map / "hang").unlink()
            (map / "bezig").write_text(str(os.getpid()))
            time.sleep(120)  # killed long before this ends
        for bericht in messages:
            naam = f"{uuid.uuid4().hex}.eml"
            (map / naam).write_bytes(bericht.message().as_bytes())
        return len(messages)
