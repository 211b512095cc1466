"""``communique serve``: the web UI and REST API over a store (plug-in of the CLI)."""

from __future__ import annotations

import typer

from ..cli_options import DbOpt


def register(app: typer.Typer) -> None:
    from .keys_cli import register as register_keys

    register_keys(app)  # communique keys create|revoke|list

    @app.command()
    def serve(db: DbOpt = None,
              host: str = typer.Option("127.0.0.1", "--host", help="interface to listen on"),
              port: int = typer.Option(8000, "--port", help="TCP port"),
              api_key: str = typer.Option(None, "--api-key", envvar="COMMUNIQUE_API_KEY",
                                          help="key required by POST /api/articles (unset: read-only)"),
              read_only: bool = typer.Option(False, "--read-only",
                                             help="refuse every write (setting read_only)"),
              ) -> None:
        """Serve the web UI and the REST API (OpenAPI at /docs) over the database."""
        try:
            import uvicorn

            from ..config import Settings
            from .app import create_app
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise typer.BadParameter(f"the web extra is not installed ({exc}): pip install 'communique[web]'")
        settings = Settings.load({"api_key": api_key, "db": db, "read_only": read_only or None})
        web = create_app(settings.db, settings)
        typer.echo(f"communique UI: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
        uvicorn.run(web, host=host, port=port, log_level="warning")
