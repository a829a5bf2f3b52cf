"""Reading content/: loaders, typed models, data files, languages, pages, freshness, UI strings."""
