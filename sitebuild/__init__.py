"""Build the site safely: into a staging directory, swapped in only on success."""

from .build import BuildFailed, build_site

__all__ = ["BuildFailed", "build_site"]
