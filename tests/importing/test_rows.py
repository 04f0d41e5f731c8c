"""The spreadsheet import framework (importing.rows), apart from any app's columns."""

import pytest

from importing.rows import ImportFileError, read_table


def test_read_table_raises_import_file_error_for_missing_file(tmp_path):
    with pytest.raises(ImportFileError, match="Fichier introuvable"):
        read_table(tmp_path / "absent.csv")
