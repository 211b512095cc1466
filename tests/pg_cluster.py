"""A throwaway PostgreSQL server for tests: initdb + pg_ctl from Debian's postgresql
package in a temporary folder, on a free local port; skipped (with the reason) only
when the binaries are not installed. As root the server runs as the ``postgres`` user.

The fixtures (``pg_server`` once per session, ``pg_url``, ``store`` on both backends) are
registered by ``tests/conftest.py``: tests take them as arguments, without importing them.
Every test database is dropped when its fixture ends (``temporary_database``): each copy of
``template1`` takes about 8 MB on disk, and a full run makes hundreds."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(cmd: list[str], as_postgres: bool) -> None:
    if as_postgres:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)


@contextmanager
def running_server(password: str | None = None) -> Iterator[str]:
    """Start a server; yields its base URL (``postgresql://postgres@127.0.0.1:PORT``). Local
    connections are trusted, or with ``password`` must give it (scram-sha-256)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'communique[postgres]')")
    bindir = _bindir()
    if bindir is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="communique-pg-"))
    data = root / "data"
    auth = ["-A", "trust"]
    if password is not None:
        (root / "pw").write_text(password + "\n", encoding="utf-8")
        auth = ["-A", "scram-sha-256", "--pwfile", str(root / "pw")]
    if as_postgres:
        shutil.chown(root, user="postgres")
        if password is not None:
            shutil.chown(root / "pw", user="postgres")
    port = free_port()
    _run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", *auth, "-E", "UTF8",
          "--no-sync"], as_postgres)
    _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
          f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
          "-c synchronous_commit=off -c full_page_writes=off", "start"], as_postgres)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], as_postgres)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    """The base URL (``postgresql://postgres@127.0.0.1:PORT``) of a fresh server, one per session."""
    with running_server() as url:
        yield url


def with_password(url: str, password: str) -> str:
    """``url`` (``postgresql://user@host...``) with ``password`` for its user (``pg_server``
    trusts local connections, so any password is accepted there)."""
    head, _, rest = url.partition("://")
    user, _, host = rest.partition("@")
    return f"{head}://{user}:{password}@{host}"


@contextmanager
def temporary_database(server: str) -> Iterator[str]:
    """The URL of a new, empty database on the test server ``server`` (``pg_server``); the
    database is dropped on exit, closing any connection still open on it."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture()
def pg_url(pg_server):
    """A new, empty database on the test server for one test, dropped after it."""
    with temporary_database(pg_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A new store on each backend: an SQLite file, then a new database on the test server."""
    from communique.store import open_store

    if request.param == "sqlite":
        s = open_store(tmp_path / "t.db")
    else:
        s = open_store(request.getfixturevalue("pg_url"))
    yield s
    s.close()
