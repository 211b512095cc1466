"""Starting the web app puts what is loaded by then out of the garbage collector's sight
(gc.freeze), so a full collection during a request scans only what requests made."""

from __future__ import annotations

import gc

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from communique.config import Settings  # noqa: E402
from communique.web.app import create_app  # noqa: E402


@pytest.mark.parametrize("path", ["/api/stats", "/"])
def test_web_app_startup_freezes_loaded_objects(tmp_path, path):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    app = create_app(str(tmp_path / "t.db"), Settings())
    with TestClient(app) as client:
        assert gc.get_freeze_count() > 10_000
        assert client.get(path).status_code == 200
