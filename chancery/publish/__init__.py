"""Publishing built mission sites to each mission's own hosting, atomically.

One module per job:

* :mod:`digest` — a build's identity (``tree_digest``), also used by the builder;
* :mod:`built` — reading a finished build and verifying it against its manifest;
* :mod:`targets` — target identities and the cross-mission conflict check;
* :mod:`releases` — release names and choosing a rollback target;
* :mod:`archive` — the dated archive of every release that went live;
* :mod:`credentials`, :mod:`ssh_client`, :mod:`process` — secrets from the environment only,
  and the system ``ssh``/``rsync``/``git`` clients;
* :mod:`base` and one publisher per method: :mod:`ssh_publisher`, :mod:`git_publisher`,
  :mod:`s3_publisher` (with :mod:`s3_layout`), chosen by :mod:`factory`;
* :mod:`service` — publish, roll back and list, in a safe order, for the command line.
"""
