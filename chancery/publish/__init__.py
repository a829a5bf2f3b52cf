"""Publishing built mission sites to their own hosting."""
