"""`make bench`: what a handbook build costs, next to a bare Material site, and how it grows."""
