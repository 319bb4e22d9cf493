"""The search page's filter controls, driven as a reader does: named months and grouped lists."""

from helpers.browser import browser, static_server


def shown(page):
    page.wait_for_function("document.getElementById('search-status').dataset.query"
                           " === document.getElementById('search-q').value")
    return page.locator("#search-results h2").all_inner_texts()


def test_choosing_a_named_month_as_start_narrows_the_results(demo_site):
    with static_server(demo_site / "output") as root, browser() as chromium:
        page = chromium.new_page()
        page.goto(root + "search/index.html?q=Fluss")
        assert len(shown(page)) == 2
        page.locator(".search-filters summary").click()
        assert page.locator("#search-from option[value='2025-08']").inner_text() == "August 2025"
        page.select_option("#search-from", "2025-05")
        page.wait_for_function("document.querySelectorAll('#search-results li').length === 1")
        assert shown(page) == ["Neuer Radweg am Fluss: Bauarbeiten beginnen im Herbst"]
        assert "from=2025-05" in page.url
        # The address keeps the choice: opened again, the month is chosen and the filters are open.
        page.goto(page.url)
        assert shown(page) == ["Neuer Radweg am Fluss: Bauarbeiten beginnen im Herbst"]
        assert page.eval_on_selector("#search-from", "s => s.selectedOptions[0].textContent") == "Mai 2025"


def test_the_header_search_box_sits_beside_the_name_on_a_desktop_and_spans_a_phone(demo_site):
    with static_server(demo_site / "output") as root, browser() as chromium:
        desktop = chromium.new_page(viewport={"width": 1366, "height": 900})
        desktop.goto(root + "index.html")
        brand, box = desktop.locator(".brand").bounding_box(), desktop.locator("#site-search-q").bounding_box()
        main = desktop.locator("main").bounding_box()
        assert abs((brand["y"] + brand["height"] / 2) - (box["y"] + box["height"] / 2)) < 8  # one line
        button = desktop.locator(".site-search button").bounding_box()
        assert abs((button["x"] + button["width"]) - (main["x"] + main["width"] - 20)) < 2  # flush with the column
        phone = chromium.new_page(viewport={"width": 390, "height": 844})
        phone.goto(root + "index.html")
        brand, box = phone.locator(".brand").bounding_box(), phone.locator("#site-search-q").bounding_box()
        assert box["y"] > brand["y"] + brand["height"] and box["width"] > 240  # its own row, nearly full width
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
