"""Gunicorn settings of the container (Dockerfile, docker-compose.yml): `-c gunicorn.conf.py`.

Bind address, workers and the access log come from here; `GUNICORN_WORKERS` overrides the
number of workers.
"""

import os

import gunicorn.http.wsgi

bind = "0.0.0.0:8000"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
accesslog = "-"
# Hide the server software: gunicorn writes its name (older versions: and version) in every
# `Server` header; an attacker learns nothing from "ivp". Workers are forked from the master
# that read this file, so they keep the value.
gunicorn.http.wsgi.SERVER = "ivp"
