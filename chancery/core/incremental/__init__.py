"""The one incremental layer: file stamps, the cache files, and the read cache.

* :mod:`.stamps`: :class:`~.stamps.FileStamp`, what tells that a file did not change
  without reading it, and the one "racy" rule (a stamp taken too soon after a write
  proves nothing).
* :mod:`.store`: versioned atomic JSON files; a missing, corrupt, older or foreign file
  reads as empty, so a cache can only cost time, never change what is built.
* :mod:`.reads`: :class:`~.reads.ReadCache`, what was read of input files (digests, front
  matter, facts drawn from them), created by whoever builds and passed in explicitly.

See docs/pages/incremental-builds.md ("One incremental layer").
"""
