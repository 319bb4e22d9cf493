"""The demo site's whole output equals the golden tree tests/golden/demo/, file for file and byte for byte."""

from helpers.golden import GOLDEN, demo_output, describe_differences, differences
from helpers.sites import snapshot


def test_the_demo_site_builds_into_the_golden_tree(tmp_path):
    golden = snapshot(GOLDEN)
    assert "index.html" in golden, f"{GOLDEN} holds no site: run `make golden`"
    built = demo_output(tmp_path)
    differing = differences(golden, built)
    assert not differing, describe_differences(golden, built)
