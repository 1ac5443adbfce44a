"""Shared fixtures."""

from site_sample import sample_content  # noqa: F401  (re-exported fixture)
