"""The HTML report: one self-contained, offline file a desk can send to an editor."""

from .html import render_html

__all__ = ["render_html"]
