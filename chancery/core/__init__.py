"""Foundation: problems, the clock, atomic writes, URLs, the engine's name.

Imports nothing else of Chancery.
"""
