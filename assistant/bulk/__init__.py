"""Bulk checking: a claims file (or any list of claims) in, a verdict report out; resumable and cached.

``readers`` parses claims files, ``run`` checks rows (cache, checker, thread pool), ``journal`` records
finished rows crash-safely, ``cache`` keeps verdicts across runs, ``report`` renders csv/md/html.
"""

from assistant.bulk.models import MAX_CLAIM_CHARS, ClaimInput, ResultRow, Summary
from assistant.bulk.readers import read_claims
from assistant.bulk.run import BulkChecker, check_claims, check_file

__all__ = [
    "MAX_CLAIM_CHARS",
    "BulkChecker",
    "ClaimInput",
    "ResultRow",
    "Summary",
    "check_claims",
    "check_file",
    "read_claims",
]
