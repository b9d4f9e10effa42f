"""sitegen: a static fact-summary site generator for multi-outlet news stories."""

__version__ = "0.1.0"
