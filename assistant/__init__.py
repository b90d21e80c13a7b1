"""sourcecheck: check claims against your own reference documents, with verbatim citations.

The pipeline reads top to bottom through the packages: ``ingest`` (files -> documents and passages),
``assistant.store`` (Chroma), and later retrieve -> verify -> present.
"""

__version__ = "0.1.0"
