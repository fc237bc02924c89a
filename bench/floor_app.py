"""The floor: a bare Flask route per page kind returning the bytes and headers Loket sent."""

import json
import os
from base64 import b64decode

from flask import Flask, Response

app = Flask(__name__)
with open(os.environ["FLOOR_PAGES"], encoding="utf-8") as f:
    PAGES = json.load(f)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/floor/<kind>")
def floor(kind: str) -> Response:
    page = PAGES[kind]
    response = Response(b64decode(page["body"]), status=page["status"])
    for name, value in page["headers"]:
        response.headers[name] = value
    return response
