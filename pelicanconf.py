"""Pelican settings for local builds. publishconf.py adds the production ones."""

import os

AUTHOR = "The caliphate data desk"
SITENAME = 'The rise and fall of the ISIS "caliphate"'
SITESUBTITLE = (
    "How the territory held by the Islamic State in Syria and Iraq grew, "
    "was cut off and shrank, 2013–2019, told with sourced data."
)
SITEFOOTER = (
    "Data: sourced public reporting, CC BY 4.0. No tracking, no third-party requests."
)
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PLUGIN_PATHS = ["plugins"]
# site_data first: the other two read the datasets it loads.
PLUGINS = ["site_data", "site_charts", "site_pages"]

SITE_DATA = {"path": "data"}
SITE_CHARTS = {
    # A chart without alt text is a warning locally and an error in CI.
    "require_alt": os.environ.get("CI", "").lower() == "true",
}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Only the pages this site needs: no tag, category, author or archive pages.
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = ["index"]
TAGS_SAVE_AS = CATEGORIES_SAVE_AS = AUTHORS_SAVE_AS = ""
TAG_SAVE_AS = CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_PAGINATION = False
# Stories read in order: "Part: 1" in a story's header; stories without one come last.
ARTICLE_ORDER_BY = "part"
DEFAULT_METADATA = {"part": "99"}

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False
