import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttling counts failures in the cache: every accounts test starts and ends with an empty one."""
    cache.clear()
    yield
    cache.clear()
