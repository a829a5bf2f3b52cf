"""Build orchestration: plan, workers, staging, incremental state, search index."""
