"""The web editor: Decap CMS, vendored, with a configuration made from our schemas."""
