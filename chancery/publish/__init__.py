"""Publishing built mission sites to each mission's own hosting.

One module per job: :mod:`digest` (build identity), :mod:`build` (reading and
verifying a built site), :mod:`targets` (target identity and cross-mission
conflicts), :mod:`archive` (the dated archive of every release), :mod:`credentials`
(secrets from the environment only), one publisher per method (:mod:`git_publisher`,
:mod:`ssh_publisher`, :mod:`s3_publisher`) and :mod:`service`, which ties them together
for the command line.
"""
