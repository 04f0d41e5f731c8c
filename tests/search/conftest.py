from tests.library.conftest import library_index, private_collection, toolbox  # noqa: F401 - shared fixtures
