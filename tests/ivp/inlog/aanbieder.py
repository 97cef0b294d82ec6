"""A small OpenID Connect provider for the tests: discovery, JWKS, token and userinfo
endpoints on 127.0.0.1, in a thread (no network). It signs its id tokens with its own RSA
key, like Entra ID and Keycloak do (RS256, a `kid` in the JWKS)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "ivp-regie"
CLIENT_SECRET = "geheim-van-de-client"
CODE = "code-van-de-aanbieder"


class Aanbieder:
    def __init__(self) -> None:
        self.sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.email = ""
        self.nonce = ""
        self.audience = CLIENT_ID
        self.tokenverzoeken: list[dict[str, list[str]]] = []
        self._server = HTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/realms/gemeente"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Aanbieder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def id_token(self) -> str:
        nu = int(time.time())
        claims = {
            "iss": self.url,
            "sub": "8f2c-persoon",
            "aud": self.audience,
            "iat": nu,
            "exp": nu + 300,
            "nonce": self.nonce,
            "email": self.email,
        }
        return jwt.encode(claims, self.sleutel, algorithm="RS256", headers={"kid": "sleutel-1"})

    def _documenten(self) -> dict[str, Any]:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.sleutel.public_key(), as_dict=True)
        return {
            "/.well-known/openid-configuration": {
                "issuer": self.url,
                "authorization_endpoint": f"{self.url}/protocol/openid-connect/auth",
                "token_endpoint": f"{self.url}/protocol/openid-connect/token",
                "userinfo_endpoint": f"{self.url}/protocol/openid-connect/userinfo",
                "jwks_uri": f"{self.url}/protocol/openid-connect/certs",
                "id_token_signing_alg_values_supported": ["RS256"],
            },
            "/protocol/openid-connect/certs": {
                "keys": [{**jwk, "kid": "sleutel-1", "alg": "RS256", "use": "sig"}]
            },
            "/protocol/openid-connect/userinfo": {"sub": "8f2c-persoon", "email": self.email},
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        aanbieder = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, status: int, inhoud: Any) -> None:
                data = json.dumps(inhoud).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                pad = self.path.split("?")[0].removeprefix("/realms/gemeente")
                documenten = aanbieder._documenten()
                if pad in documenten:
                    self._json(200, documenten[pad])
                else:
                    self._json(404, {"error": "not_found"})

            def do_POST(self) -> None:
                lengte = int(self.headers.get("Content-Length", 0))
                velden = parse_qs(self.rfile.read(lengte).decode())
                aanbieder.tokenverzoeken.append(velden)
                if (
                    velden.get("client_id") != [CLIENT_ID]
                    or velden.get("client_secret") != [CLIENT_SECRET]
                    or velden.get("code") != [CODE]
                    or not velden.get("code_verifier")
                ):
                    self._json(400, {"error": "invalid_grant"})
                    return
                self._json(
                    200,
                    {
                        "access_token": "toegang-123",
                        "token_type": "Bearer",
                        "expires_in": 300,
                        "id_token": aanbieder.id_token(),
                    },
                )

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
