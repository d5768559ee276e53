"""Explain the Global Alliance against Child Sexual Abuse Online, offline and sourced.

Launched on 5 December 2012 with 48 countries; 54 by 30 September 2014.
"""

from ._dashboard import Dashboard, dashboard
from ._dataset import Dataset
from ._errors import DataError, Problem
from ._loading import load_dataset
from ._map import membership_map
from ._status import CountryStatus, StatusKind

__all__ = [
    "CountryStatus",
    "Dashboard",
    "DataError",
    "Dataset",
    "Problem",
    "StatusKind",
    "dashboard",
    "load_dataset",
    "membership_map",
]
__version__ = "0.1.0"
