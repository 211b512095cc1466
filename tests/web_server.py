"""Test helpers: a store filled with synthetic analyses and a live uvicorn server."""

from __future__ import annotations

import socket
import threading
import time

from communique.analysis.synthetic import synthetic_analyses
from communique.store import Store


def fill(db: str, n: int = 120) -> None:
    s = Store(db)
    try:
        s.add_many(synthetic_analyses(n, events_per_article=5, seed=5, days=180,
                                      start=__import__("datetime").date(2021, 12, 6)))
    finally:
        s.close()


class LiveServer:
    def __init__(self, app) -> None:
        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
