"""User-interface strings: gettext catalogs managed with Babel."""
