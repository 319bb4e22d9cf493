import pytest

from helpers.browser import browser


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium for a test module's pages."""
    with browser() as running:
        yield running
