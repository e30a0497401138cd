"""Production settings: pelicanconf.py plus the published site's address and feed."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = not SITEURL
# A feed needs absolute links, so there is one only when SITEURL is set.
FEED_ALL_ATOM = "feeds/all.atom.xml" if SITEURL else None
