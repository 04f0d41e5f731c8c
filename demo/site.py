"""The demo site, built by each app's own ``demo.py`` in dependency order: shared by
``load_demo_content`` and ``generate_bench_data`` (which adds the bulk on top)."""

import accounts.demo
import home.demo
import library.demo
import trainings.demo
import webinars.demo


def build_demo_site():
    accounts.demo.build()
    home.demo.build()
    library.demo.build()
    trainings.demo.build()
    webinars.demo.build()
    home.demo.build_home_page()
