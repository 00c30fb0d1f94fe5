"""The dashboard in a real browser: Debian's headless Chromium, driven with
selenium, against warta-web on the real pipeline and a real Kafka broker.
Articles are published through warta-ingest with Python grpcio. Screenshots
of the main pages go to $WARTA_ARTIFACTS (default build/test-artifacts)."""

import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import grpc
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ARTIFACTS, BIN, ROOT, SAMPLES, skip_unless_ci, wait_until

FLOOD = ("Banjir melanda Kota Semarang pada Senin pagi setelah hujan deras turun semalaman. "
         "Ribuan warga di Kecamatan Genuk dan Kecamatan Pedurungan mengungsi ke masjid dan sekolah. "
         "\"Air setinggi satu meter merendam rumah warga,\" kata Kepala BPBD Semarang kepada wartawan. "
         "Petugas mendirikan dapur umum dan posko kesehatan di empat kelurahan.")
STADIUM = ("Pemerintah Provinsi Jawa Timur memulai pembangunan stadion baru di Kabupaten Sidoarjo. "
           "Gubernur mengatakan pembangunan stadion itu akan selesai dalam dua tahun dan menampung "
           "40.000 penonton. Kontraktor akan membangun tribun, lapangan latihan dan tempat parkir.")


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture
def browser():
    """Headless Chromium at a desktop size, English labels by default."""
    binary, driver_path = chromium_path(), shutil.which("chromedriver")
    assert binary and driver_path, "chromium and chromium-driver are needed (scripts/install-deps.sh)"
    options = Options()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1400", "--lang=en-US"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def screenshot(driver, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def submit(pb, pipeline, **fields):
    ingest = pb.grpc.IngestServiceStub(grpc.insecure_channel(pipeline.ingest.address))
    return ingest.Submit(pb.services.SubmitRequest(article=pb.article.Article(**fields)),
                         timeout=30).id


def api(web, path):
    try:
        with urllib.request.urlopen(web + path, timeout=15) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def stored_story(web, article_id):
    """The story id of a stored article, once the store has it."""
    def story():
        status, body = api(web, f"/api/articles/{article_id}")
        return body.get("storyId") if status == 200 else None
    return wait_until(story, timeout=60, message=f"article {article_id} in the store")


def wait_for(driver, condition, timeout=15, message=""):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d), message)


def open_live_page(driver, web, route="#/"):
    driver.get(f"{web}/{route}")
    wait_for(driver, lambda d: d.execute_script("return window.wartaLive === true"),
             message="the live event stream to connect")


def use_indonesian(driver):
    if driver.execute_script("return document.documentElement.lang") != "id":
        driver.find_element(By.ID, "ui-lang").click()
    wait_for(driver, lambda d: d.execute_script("return document.documentElement.lang") == "id")


def publish_samples(pipeline, web):
    """The five sample pages, published the way the README does it (`warta
    publish`, which reads scraped pages and dates them from their file
    names); returns the id of the story Tempo's report joined, the one with
    the troop figures."""
    if not SAMPLES.is_dir():
        skip_unless_ci(f"the sample pages are not at {SAMPLES}")
    subprocess.run([str(BIN / "warta"), "publish", "--to", "grpc", "--ingest",
                    pipeline.ingest.address, str(SAMPLES)], check=True, capture_output=True,
                   timeout=60)

    def tempo_story():
        stories = api(web, "/api/stories")[1]["stories"]
        if sum(s["articleCount"] for s in stories) < 5:
            return None
        return next((s["id"] for s in stories if "tempo.co" in s["sources"]), None)
    return wait_until(tempo_story, timeout=60, message="the five samples in their stories")


def test_a_published_article_appears_in_its_story_without_reload(pb, pipeline, web, browser):
    first = submit(pb, pipeline, id="flood-1", source="antaranews.com",
                   title="Banjir melanda Kota Semarang", body=FLOOD, language_hint="id")
    flood_story = stored_story(web, first)
    open_live_page(browser, web)
    card = f'[data-story-id="{flood_story}"]'
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, card), message="the story card")
    count_before = browser.find_element(By.CSS_SELECTOR, f"{card} .count").get_attribute("data-count")
    marker = uuid.uuid4().hex
    browser.execute_script("window.wartaTestMarker = arguments[0]", marker)

    # Another outlet's copy of the report joins the same story, live.
    submit(pb, pipeline, id="flood-2", source="kompas.com",
           title="Ribuan warga Semarang mengungsi akibat banjir", body=FLOOD, language_hint="id")
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, f'{card} [data-article-id="flood-2"]'),
             timeout=20, message="the new article in its story's card")
    live_item = browser.find_element(By.CSS_SELECTOR, f'{card} [data-article-id="flood-2"]')
    assert "Ribuan warga Semarang mengungsi akibat banjir" in live_item.text
    assert "kompas.com" in browser.find_element(By.CSS_SELECTOR, f"{card} .sources").text
    count_after = browser.find_element(By.CSS_SELECTOR, f"{card} .count").get_attribute("data-count")
    assert int(count_after) == int(count_before) + 1
    assert stored_story(web, "flood-2") == flood_story

    # An article about something else starts a story at the top of the list.
    submit(pb, pipeline, id="stadium-1", source="detik.com",
           title="Pembangunan stadion baru dimulai di Sidoarjo", body=STADIUM, language_hint="id")
    stadium_story = stored_story(web, "stadium-1")
    assert stadium_story != flood_story
    wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#stories > .story")
             .get_attribute("data-story-id") == stadium_story, timeout=20,
             message="the new story at the top")
    top = browser.find_element(By.CSS_SELECTOR, "#stories > .story")
    assert "Pembangunan stadion baru dimulai di Sidoarjo" in top.text

    # All of it without a reload: the page's own state survived.
    assert browser.execute_script("return window.wartaTestMarker") == marker
    assert browser.execute_script("return performance.getEntriesByType('navigation').length") == 1
    screenshot(browser, "stories-live")


def test_the_list_keeps_to_stories_several_outlets_reported(pb, pipeline, web, browser):
    """On a stream most stories have one article: "Sources: 2 or more" hides
    them, and a story appears, live, when a second outlet reports it;
    "Order: largest" lists the biggest first."""
    flood = stored_story(web, submit(pb, pipeline, id="flood-1", source="antaranews.com",
                                     title="Banjir melanda Kota Semarang", body=FLOOD,
                                     language_hint="id"))
    stadium = stored_story(web, submit(pb, pipeline, id="stadium-1", source="detik.com",
                                       title="Pembangunan stadion baru dimulai di Sidoarjo",
                                       body=STADIUM, language_hint="id"))
    open_live_page(browser, web)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, f'[data-story-id="{stadium}"]'),
             message="the one-outlet stories listed by default")
    Select(browser.find_element(By.ID, "min-sources")).select_by_value("2")
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#stories .empty"),
             message="no story with two outlets yet")

    # A second outlet reports the flood: its story joins the list, live.
    submit(pb, pipeline, id="flood-2", source="kompas.com",
           title="Ribuan warga Semarang mengungsi akibat banjir", body=FLOOD, language_hint="id")
    card = f'[data-story-id="{flood}"]'
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, card), timeout=20,
             message="the flood story once two outlets reported it")
    assert browser.find_element(By.CSS_SELECTOR, f"{card} .count").get_attribute("data-count") == "2"
    assert not browser.find_elements(By.CSS_SELECTOR, f'[data-story-id="{stadium}"]')
    screenshot(browser, "stories-two-sources")

    # Any number of outlets, largest first: the flood (2 articles) above the stadium (1).
    Select(browser.find_element(By.ID, "min-sources")).select_by_value("")
    Select(browser.find_element(By.ID, "order")).select_by_value("size")
    wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#stories > .story")) >= 2,
             message="both stories")
    ids = [c.get_attribute("data-story-id")
           for c in browser.find_elements(By.CSS_SELECTOR, "#stories > .story")]
    assert ids.index(flood) < ids.index(stadium), ids
    counts = [int(c.get_attribute("data-count"))
              for c in browser.find_elements(By.CSS_SELECTOR, "#stories > .story .count")]
    assert counts == sorted(counts, reverse=True), counts
    # The choice is kept for the next visit.
    browser.refresh()
    wait_for(browser, lambda d: d.find_elements(By.ID, "order"))
    assert Select(browser.find_element(By.ID, "order")).first_selected_option.get_attribute("value") == "size"


def test_the_samples_story_shows_the_four_troop_figures_by_source(pb, pipeline, web, browser):
    story = publish_samples(pipeline, web)
    open_live_page(browser, web)
    use_indonesian(browser)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, f'[data-story-id="{story}"]'))
    screenshot(browser, "stories")
    # Open the story from the list with the keyboard.
    link = browser.find_element(By.CSS_SELECTOR, f'[data-story-id="{story}"] h2 a')
    link.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "table.figures tr.figure-row"),
             message="the disputed figures table")

    rows = browser.find_elements(By.CSS_SELECTOR, "table.figures tr.figure-row")
    figures = [(r.find_element(By.CSS_SELECTOR, "td.value strong").text,
                r.find_element(By.CSS_SELECTOR, "td.source").text,
                r.find_element(By.CSS_SELECTOR, "td.speaker").text) for r in rows]
    shown = {value for value, _, _ in figures}
    # The four numbers as an Indonesian reader writes them, the qualifier in words.
    assert {"3.000", "8.000", "10.000", "11.000"} <= shown, figures
    assert ("sekitar 10.000", "tempo.co", "Barat") in figures, figures
    assert all(source for _, source, _ in figures), "every figure names its source"
    speakers = {value: speaker for value, _, speaker in figures}
    assert speakers["11.000"] == "Volodymyr Zelensky"
    assert speakers["3.000"] == speakers["8.000"] == "Amerika Serikat"

    # The chart draws the same values as the table, one bar each.
    if api(web, "/api/status")[1]["chartJs"]:
        values = wait_for(browser, lambda d: d.execute_script(
            "const c = document.querySelector('.contested canvas');"
            "const chart = c && window.Chart && Chart.getChart(c);"
            "return chart && chart.data.datasets[0].data;"), message="the chart")
        assert sorted(values) == sorted(float(r.get_attribute("data-value")) for r in rows)
    browser.execute_script("document.querySelector('.disputed').scrollIntoView()")
    screenshot(browser, "story")
    browser.set_window_size(1280, 1650)  # the whole story page, for docs/dashboard.png
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "story-full")
    browser.set_window_size(1280, 1400)

    # An entity of the story: its page lists aliases, its stories and what it said.
    choe = browser.find_element(By.XPATH, "//ul[@class='entities']//a[text()='Choe Son Hui']")
    choe.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "h1[data-entity-id]"),
             message="the entity page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Choe Son Hui"
    aliases = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".aliases li")]
    assert "Choe Son Hui" in aliases and len(aliases) >= 2, aliases
    story_links = [a.get_attribute("href") for a in
                   browser.find_elements(By.CSS_SELECTOR, ".entity-stories a")]
    assert any(href.endswith(f"#/story/{story}") for href in story_links), story_links
    screenshot(browser, "entity")


def test_who_is_in_the_news_lists_entities_across_outlets(pb, pipeline, web, browser):
    """The registry as a reader browses it: most mentioned first, by type,
    by the start of a name, each entity once however many outlets name it."""
    publish_samples(pipeline, web)
    open_live_page(browser, web, "#/")
    browser.find_element(By.ID, "nav-entities").click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#entity-list .entity-row"),
             message="the entity list")
    shown = [r.get_attribute("data-entity-id")
             for r in browser.find_elements(By.CSS_SELECTOR, "#entity-list .entity-row")]
    expected = [e["id"] for e in api(web, "/api/entities")[1]["entities"]]
    assert shown == expected, (shown, expected)
    assert len(shown) == len(set(shown)), "each entity once"
    screenshot(browser, "entities")

    # A period: the samples were published in 2024, so nobody was seen in the last day.
    assert api(web, "/api/entities?days=1")[1]["entities"] == []
    Select(browser.find_element(By.ID, "entity-days")).select_by_value("1")
    wait_for(browser, lambda d: "days=1" in d.current_url and
             d.find_elements(By.CSS_SELECTOR, "#main .empty"), message="no entity in the last day")
    assert not browser.find_elements(By.CSS_SELECTOR, "#entity-list .entity-row")
    Select(browser.find_element(By.ID, "entity-days")).select_by_value("")
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#entity-list .entity-row"),
             message="every entity again")

    # People only; then the ones whose name starts with "Cho".
    Select(browser.find_element(By.ID, "entity-type")).select_by_value("person")
    wait_for(browser, lambda d: "type=person" in d.current_url and
             d.find_elements(By.CSS_SELECTOR, "#entity-list .entity-row"), message="people")
    metas = [r.find_element(By.CSS_SELECTOR, ".meta").text
             for r in browser.find_elements(By.CSS_SELECTOR, "#entity-list .entity-row")]
    assert metas and all(m.startswith("person") for m in metas), metas
    box = browser.find_element(By.ID, "entity-q")
    box.send_keys("Cho", Keys.ENTER)
    wait_for(browser, lambda d: "q=Cho" in d.current_url, message="the name filter")
    row = wait_for(browser, lambda d: d.find_elements(By.XPATH,
                   "//li[@class='entity-row']/a[text()='Choe Son Hui']"), message="Choe Son Hui")[0]
    filtered = [r.get_attribute("data-entity-id")
                for r in browser.find_elements(By.CSS_SELECTOR, "#entity-list .entity-row")]
    assert filtered == [e["id"] for e in api(web, "/api/entities?q=Cho&type=person")[1]["entities"]]
    assert len(filtered) < len(shown)
    choe = api(web, "/api/entities?q=Choe&type=person")[1]["entities"][0]
    count = browser.find_element(By.CSS_SELECTOR,
                                 f'[data-entity-id="{choe["id"]}"] .count').get_attribute("data-count")
    assert int(count) == choe["articleCount"] >= 2  # named by several outlets, one entity
    row.click()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "h1[data-entity-id]"),
             message="the entity page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Choe Son Hui"
    assert api(web, "/api/entities?type=date")[0] == 400


def test_search_finds_an_article_by_a_stemmed_word(pb, pipeline, web, browser):
    submit(pb, pipeline, id="stadium-1", source="detik.com",
           title="Pembangunan stadion baru dimulai di Sidoarjo", body=STADIUM, language_hint="id")
    stored_story(web, "stadium-1")
    open_live_page(browser, web)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("bangun")  # the text says "pembangunan" and "membangun"
    box.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".hit, #search-error, .empty"),
             timeout=20, message="search results or an error")
    status, body = api(web, "/api/search?q=bangun")
    assert status == 200, body
    hits = browser.find_elements(By.CSS_SELECTOR, '.hit[data-article-id="stadium-1"]')
    assert hits, browser.find_element(By.TAG_NAME, "main").text
    assert hits[0].find_elements(By.TAG_NAME, "mark"), "the matched words are marked"


def test_phone_width_has_no_horizontal_scrollbar(pb, pipeline, web, browser):
    if SAMPLES.is_dir():
        story = publish_samples(pipeline, web)
    else:
        story = stored_story(web, submit(pb, pipeline, id="flood-1", source="antaranews.com",
                                         title="Banjir melanda Kota Semarang", body=FLOOD))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True})
    overflow = ("return [document.documentElement.scrollWidth, "
                "document.documentElement.clientWidth, window.innerWidth]")
    for route, ready in (("#/", "#stories .story"), (f"#/story/{story}", "main .disputed")):
        open_live_page(browser, web, route)
        wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ready))
        time.sleep(0.5)  # charts are drawn on the next animation frame
        scroll_width, client_width, inner_width = browser.execute_script(overflow)
        assert inner_width == 375
        assert scroll_width <= client_width, f"{route}: {scroll_width}px wide in a 375px screen"
    screenshot(browser, "story-phone")


def test_services_script_starts_the_dashboard_with_the_others(tmp_path):
    """scripts/services.sh (what `make demo` runs) starts warta-web on the store and
    writes its address as WARTA_WEB; stop ends it with the rest."""
    state = tmp_path / "warta"
    env = dict(os.environ, WARTA_BUILD=str(BIN.parent))
    script = str(ROOT / "scripts" / "services.sh")
    started = subprocess.run([script, "start", str(state)], env=env, capture_output=True,
                             text=True, timeout=240)
    try:
        assert started.returncode == 0, started.stderr
        values = dict(line.split("=", 1) for line in (state / "env").read_text().split())
        web = values["WARTA_WEB"]
        assert web.startswith("http://127.0.0.1:")
        status, page = api(web, "/api/stories")
        assert status == 200 and page["stories"] == []
        with urllib.request.urlopen(web + "/", timeout=15) as response:
            assert "<title>Warta</title>" in response.read().decode()
    finally:
        stopped = subprocess.run([script, "stop", str(state)], env=env, capture_output=True,
                                 text=True, timeout=120)
    assert stopped.returncode == 0, stopped.stderr
    assert not (state / "warta-web.pid").exists()
    assert "stopped" in (state / "warta-web.log").read_text()
