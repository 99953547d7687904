"""The serve stage: the web app (``claimledger serve``) and its JSON API.

Needs the ``web`` extra (FastAPI, uvicorn, Jinja2, python-multipart).

>>> from claimledger.serve import ServeSettings, create_app  # doctest: +SKIP
>>> app = create_app(ServeSettings(db_url="sqlite:///claimledger.db"))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

__all__ = ["ServeSettings", "create_app"]


def __getattr__(name: str) -> Any:
    # imported lazily so `claimledger --help` works without the web extra installed
    if name in __all__:
        from claimledger.serve import app

        return getattr(app, name)
    raise AttributeError(name)
