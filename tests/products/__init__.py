"""Product knowledge tests (a package, so their helpers import as ``products.…``)."""
