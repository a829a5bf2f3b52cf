"""Building sites: what one language build contains, and running many of them."""
