"""The demo site, built by ``demo/builders/`` (one builder per area, content in
``demo/content/*.yaml``) in dependency order: shared by ``load_demo_content`` and
``generate_bench_data`` (which adds the bulk on top)."""

from demo.builders import accounts, home, library, trainings, webinars


def build_demo_site():
    accounts.build()
    home.build()
    library.build()
    trainings.build()
    webinars.build()
    home.build_home_page()
