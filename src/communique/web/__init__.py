"""The web surface: FastAPI JSON API + server-rendered pages (``communique serve``).

``create_app(db, settings)`` builds the app; ``web/views.py`` holds one view function per
page, shared by the page and its JSON twin under ``/api``.
"""


def create_app(db, settings=None):
    from .app import create_app as _create

    return _create(db, settings)


__all__ = ["create_app"]
