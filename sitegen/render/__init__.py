"""Turn a fact base into a static website, from content/ alone.

Nothing here imports spaCy: a site renders without the NLP stack installed.
"""

from sitegen.render.links import relative_url
from sitegen.render.site import RenderResult, render_site

__all__ = ["RenderResult", "relative_url", "render_site"]
