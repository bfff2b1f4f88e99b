import pytest

from products.catalog_files import (
    HOODIE,
    HOODIE_CHART,
    PANTS,
    PRODUCT_HEADER,
    SIZE_HEADER,
    write_csv,
)
from workbench import accounts
from workbench.products import importer


@pytest.fixture
def trainer(demo_store):
    return accounts.by_name(demo_store, "lin")


@pytest.fixture
def products_file(tmp_path):
    return write_csv(tmp_path / "products.csv", PRODUCT_HEADER, [HOODIE, PANTS])


@pytest.fixture
def sizes_file(tmp_path):
    return write_csv(tmp_path / "sizes.csv", SIZE_HEADER, HOODIE_CHART)


@pytest.fixture
def catalog(demo_store, trainer, products_file, sizes_file, clock):
    """The demo shop with the hoodie and its pants imported."""
    importer.import_files(demo_store, products_file, sizes_file, now=clock(), agent=trainer)
    return demo_store
