"""Analytics over stored or in-memory analyses: dyad time series, escalation alerts,
actor networks, exports and pandas DataFrames.

Everything works on :class:`~communique.analysis.facts.DyadFact` rows, which come from
analyses in memory (:func:`facts_of`) or from the store's dyad index
(``store.dyad_facts(...)``), so notebooks, the CLI and the web pages share one code path::

    from communique.store import open_store
    from communique.analysis import dyad_series, scan_alerts, build_network
    store = open_store("communique.db")
    s = dyad_series(store.dyad_facts("USA", "RUS"), "USA", "RUS", period="week")
    s.to_pandas()
"""

from .alerts import Alert
from .alerts import detect as detect_alerts
from .alerts import scan as scan_alerts
from .exports import EventRecord, records_of
from .exports import render as render_table
from .exports import write as write_table
from .facts import DyadFact, conflict_score, event_id, facts_of, quote_id, story_of
from .network import Network, build_network
from .series import DyadSeries, SeriesPoint, dyad_series

__all__ = ["Alert", "detect_alerts", "scan_alerts", "EventRecord", "records_of", "render_table",
           "write_table", "DyadFact", "conflict_score", "event_id", "facts_of", "quote_id",
           "story_of", "Network", "build_network", "DyadSeries", "SeriesPoint", "dyad_series"]
