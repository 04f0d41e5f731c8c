"""Bulk generators for ``make bench`` (``generate_bench_data``), on top of the demo site."""
