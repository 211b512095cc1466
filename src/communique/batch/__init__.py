"""Batch runs on Dask: Parquet partitions (``run_batch``) and merging into the store
(``load_batch``). Needs the ``dask`` extra (dask[distributed], pyarrow, pandas)."""

from .load import load_batch
from .run import read_manifest, run_batch

__all__ = ["run_batch", "load_batch", "read_manifest"]
