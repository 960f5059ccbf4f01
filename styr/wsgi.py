import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
application = get_wsgi_application()

# What start-up makes (apps, models, settings, the URLs and the views they import) lives as
# long as the process: frozen, it is no longer rescanned by every full garbage collection,
# which a page of a large tree (thousands of rows read) triggers. Measured on the goal tree
# of L, requests alternating frozen and not in one process: CPU median 147 -> 131 ms, 90th
# percentile 249 -> 193 ms. `styr serve` preloads this module, so gunicorn's workers fork
# with it frozen (and share those pages with the master).
get_resolver().url_patterns  # noqa: B018 (imported here, before the freeze, not at the first request)
gc.freeze()
