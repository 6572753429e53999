"""A corpus of reports read as one story: the store (DuckDB), adding reports (drafted on every core or on a
Dask cluster), one event across reports (identity), the figures reports give differently (conflicts), and
the story they tell together — below the app, with no Textual import; DuckDB, spaCy and Dask load on first
use."""
