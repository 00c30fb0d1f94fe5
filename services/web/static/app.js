// Warta's dashboard: one static page, hash routes, data from warta-web's
// JSON API, live updates from /api/events (Server-Sent Events). Plain
// JavaScript, no build step; Chart.js (Debian libjs-chart.js) when served.
"use strict";

// ---- labels -------------------------------------------------------------

const LABELS = {
  en: {
    skip: "Skip to content", search: "Search", searchLabel: "Search articles",
    searchPlaceholder: "Search articles", languageFilter: "Language", allLanguages: "All",
    switchTo: "Bahasa Indonesia", switchToLabel: "Tampilkan dalam Bahasa Indonesia",
    connecting: "connecting…", live: "live", reconnecting: "reconnecting…",
    loading: "Loading…", stories: "Latest stories", largestStories: "Largest stories",
    period: "Period", allTime: "all time", sourcesFilter: "Sources", anySources: "any",
    atLeastSources: (n) => `${n} or more`, order: "Order", orderLatest: "latest",
    orderLargest: "largest", entitiesNav: "Who's in the news",
    entitiesTitle: "Who and what is in the news", typeFilter: "Type", allTypes: "all",
    people: "people", organisations: "organisations", places: "places",
    nameFilter: "Name starts with", moreEntities: "More", noEntities: "No entities yet.",
    lastDay: "last day", lastDays: (n) => `last ${n} days`, noStories: "No stories yet.",
    more: "More stories", articles: (n) => (n === 1 ? "1 article" : `${n} articles`),
    sources: (n) => (n === 1 ? "1 source" : `${n} sources`), undated: "undated",
    newBadge: "new", newArticle: (t) => `New article: ${t}`, newStory: (t) => `New story: ${t}`,
    back: "All stories", articlesBySource: "Articles by source and time",
    mainEntities: "Main entities", disputed: "Disputed figures", noDisputed:
      "No disputed figures in this story.", timeline: "Timeline of figures",
    source: "Source", date: "Date", who: "Who", figure: "Figure", quote: "Words",
    noSource: "(source unknown)", copyOf: "near-copy", unknownSpeaker: "(unknown)",
    according: "according to", chartLabel: (u) => `Bar chart: ${u} by source and date`,
    entity: "Entity", aliases: "Also called", roles: "Roles", seen: "Seen",
    seenWith: "Seen with", entityStories: "Stories", said: "What they said",
    nothingSaid: "No claims recorded.", searchResults: (q) => `Search: ${q}`,
    noHits: "Nothing found.", searchUnavailable: "Search is not available yet.",
    error: "Something went wrong", types: { PERSON: "person", ORGANIZATION: "organisation",
      LOCATION: "place", DATE: "date", MONEY: "money", QUANTITY: "quantity" },
    qualifiers: { approximately: "about", at_least: "at least", at_most: "at most",
      more_than: "more than", less_than: "less than", order_of_magnitude: "in the" },
    magnitude: { 100: "hundreds", 1000: "thousands", 1000000: "millions" },
  },
  id: {
    skip: "Langsung ke isi", search: "Cari", searchLabel: "Cari artikel",
    searchPlaceholder: "Cari artikel", languageFilter: "Bahasa", allLanguages: "Semua",
    switchTo: "English", switchToLabel: "Show in English",
    connecting: "menyambung…", live: "langsung", reconnecting: "menyambung ulang…",
    loading: "Memuat…", stories: "Berita terbaru", largestStories: "Berita terbesar",
    period: "Periode", allTime: "semua waktu", sourcesFilter: "Sumber", anySources: "semua",
    atLeastSources: (n) => `${n} atau lebih`, order: "Urutan", orderLatest: "terbaru",
    orderLargest: "terbesar", entitiesNav: "Tokoh dalam berita",
    entitiesTitle: "Siapa dan apa dalam berita", typeFilter: "Jenis", allTypes: "semua",
    people: "orang", organisations: "organisasi", places: "tempat",
    nameFilter: "Nama diawali", moreEntities: "Lainnya", noEntities: "Belum ada entitas.",
    lastDay: "sehari terakhir", lastDays: (n) => `${n} hari terakhir`,
    noStories: "Belum ada berita.", more: "Berita lainnya",
    articles: (n) => `${n} artikel`, sources: (n) => `${n} sumber`, undated: "tanpa tanggal",
    newBadge: "baru", newArticle: (t) => `Artikel baru: ${t}`, newStory: (t) => `Berita baru: ${t}`,
    back: "Semua berita", articlesBySource: "Artikel menurut sumber dan waktu",
    mainEntities: "Entitas utama", disputed: "Angka yang diperdebatkan",
    noDisputed: "Tidak ada angka yang diperdebatkan dalam berita ini.",
    timeline: "Linimasa angka", source: "Sumber", date: "Tanggal", who: "Siapa",
    figure: "Angka", quote: "Kutipan", noSource: "(sumber tidak diketahui)",
    copyOf: "salinan", unknownSpeaker: "(tidak diketahui)", according: "menurut",
    chartLabel: (u) => `Diagram batang: ${u} menurut sumber dan tanggal`,
    entity: "Entitas", aliases: "Disebut juga", roles: "Jabatan", seen: "Muncul",
    seenWith: "Muncul bersama", entityStories: "Berita", said: "Apa yang dikatakan",
    nothingSaid: "Tidak ada pernyataan tercatat.", searchResults: (q) => `Pencarian: ${q}`,
    noHits: "Tidak ditemukan.", searchUnavailable: "Pencarian belum tersedia.",
    error: "Terjadi kesalahan", types: { PERSON: "orang", ORGANIZATION: "organisasi",
      LOCATION: "tempat", DATE: "tanggal", MONEY: "uang", QUANTITY: "jumlah" },
    qualifiers: { approximately: "sekitar", at_least: "sedikitnya", at_most: "paling banyak",
      more_than: "lebih dari", less_than: "kurang dari", order_of_magnitude: "" },
    magnitude: { 100: "ratusan", 1000: "ribuan", 1000000: "jutaan" },
  },
};

const state = {
  ui: localStorage.getItem("warta.ui") ||
      ((navigator.language || "en").toLowerCase().startsWith("id") ? "id" : "en"),
  language: localStorage.getItem("warta.language") || "",
  days: localStorage.getItem("warta.days") || "",
  // On a stream of thousands of articles most stories have one article:
  // a reader can keep to the ones several outlets reported, or the largest.
  minSources: localStorage.getItem("warta.min_sources") || "",
  order: localStorage.getItem("warta.order") || "update",
  checking: new Set(),  // story ids being fetched to see whether they pass minSources
  seen: new Set(),      // article ids already shown (live events may repeat after a reconnect)
  view: null,           // {name, id}
  charts: [],
  reloadTimer: null,
};

function t(key, ...args) {
  const value = LABELS[state.ui][key];
  return typeof value === "function" ? value(...args) : value;
}

// ---- small helpers --------------------------------------------------------

// el("a", {href: "#/"}, "text", child, ...): DOM without innerHTML, so
// nothing from the API is ever parsed as HTML.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// 10000 → "10.000" in Indonesian, "10,000" in English; fractions keep two digits.
function formatNumber(value) {
  const [group, decimal] = state.ui === "id" ? [".", ","] : [",", "."];
  const negative = value < 0;
  const fixed = Math.abs(value) % 1 === 0 ? String(Math.abs(value)) : Math.abs(value).toFixed(2);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (negative ? "-" : "") + grouped + (fraction ? decimal + fraction.replace(/0+$/, "") : "");
}

// The qualifier in words ("sekitar", "sedikitnya") and the value: "sekitar 10.000".
function formatFigure(q) {
  if (q.qualifier === "order_of_magnitude" && LABELS[state.ui].magnitude[q.value]) {
    return LABELS[state.ui].magnitude[q.value];
  }
  const word = LABELS[state.ui].qualifiers[q.qualifier] || "";
  return (word ? word + " " : "") + formatNumber(q.value);
}

function day(timestamp) { return timestamp ? timestamp.slice(0, 10) : ""; }

function dateRange(story) {
  const first = day(story.firstPublishedAt), last = day(story.lastPublishedAt);
  if (!first) return t("undated");
  return first === last ? first : `${first} – ${last}`;
}

function announce(text) { document.getElementById("announcer").textContent = text; }

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
  }
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (e) { /* not JSON */ }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== undefined) q.set(k, v);
  return q.toString();
}

function showError(main, error) {
  main.append(el("p", { class: "error", role: "alert" }, `${t("error")}: ${error.message}`));
}

function setMain(...children) {
  for (const chart of state.charts) chart.destroy();
  state.charts = [];
  const main = document.getElementById("main");
  main.replaceChildren(...children);
  return main;
}

// ---- the stories list -----------------------------------------------------

function storyCard(story) {
  const card = el("article", { class: "story", "data-story-id": story.id },
    el("h2", {}, el("a", { href: `#/story/${encodeURIComponent(story.id)}` }, story.title || story.id)),
    el("p", { class: "meta" },
      el("span", { class: "count", "data-count": story.articleCount }, t("articles", story.articleCount)),
      " · ", el("span", { class: "sources" }, (story.sources || []).join(", ") || t("noSource")),
      " · ", el("span", { class: "languages" }, (story.languages || []).join(", ")),
      " · ", el("span", { class: "dates" }, dateRange(story))),
    el("ul", { class: "latest" }));
  card.wartaSources = new Set(story.sources || []);
  return card;
}

function periods() {
  return [["", t("allTime")], ["1", t("lastDay")], ["7", t("lastDays", 7)],
          ["30", t("lastDays", 30)], ["365", t("lastDays", 365)]];
}

// <label>label <select id>options</select></label>, `value` selected;
// onchange(new value).
function labelledSelect(id, label, options, value, onchange) {
  return el("label", { class: "period" }, label, " ",
    el("select", { id, onchange: (e) => onchange(e.target.value) },
       options.map(([v, text]) => el("option", { value: v, selected: v === value }, text))));
}

// A stories-list select that keeps its choice in state[key] and localStorage.
function storiesSelect(id, label, key, storageKey, options) {
  return labelledSelect(id, label, options, state[key], (value) => {
    state[key] = value;
    localStorage.setItem(storageKey, value);
    render();
  });
}

function storiesControls() {
  return el("div", { class: "filters" },
    storiesSelect("period", t("period"), "days", "warta.days", periods()),
    storiesSelect("min-sources", t("sourcesFilter"), "minSources", "warta.min_sources",
                  [["", t("anySources")], ["2", t("atLeastSources", 2)],
                   ["3", t("atLeastSources", 3)], ["5", t("atLeastSources", 5)]]),
    storiesSelect("order", t("order"), "order", "warta.order",
                  [["update", t("orderLatest")], ["size", t("orderLargest")]]));
}

async function renderStories(pageToken) {
  let list = document.getElementById("stories");
  if (!pageToken) {
    list = el("div", { id: "stories", class: "stories" });
    const title = state.order === "size" ? t("largestStories") : t("stories");
    setMain(el("div", { class: "toolbar" }, el("h1", {}, title), storiesControls()), list);
  }
  const main = document.getElementById("main");
  try {
    const page = await api("/api/stories?" + query({ days: state.days, language: state.language,
                                                     min_sources: state.minSources,
                                                     order: state.order, page_token: pageToken }));
    for (const story of page.stories) {
      if (!document.querySelector(`[data-story-id="${CSS.escape(story.id)}"]`)) {
        list.append(storyCard(story));
      }
    }
    document.getElementById("more")?.remove();
    if (!list.children.length) list.append(el("p", { class: "empty" }, t("noStories")));
    if (page.nextPageToken) {
      main.append(el("button", { id: "more", type: "button",
                                 onclick: () => renderStories(page.nextPageToken) }, t("more")));
    }
  } catch (error) { showError(main, error); }
}

// A live article: into its story's card (moved to the top when the list is
// by latest update), or a new card. With a sources filter a story not
// listed may just have reached it: the story is fetched and listed if so.
// Ordered by size, a new story (one article) stays out of the list.
function addLiveArticle(article) {
  const list = document.getElementById("stories");
  if (!list) return;
  if (state.language && article.language !== state.language) return;
  if (state.days) {  // the same period the list shows
    const since = Date.now() - Number(state.days) * 86400000;
    if (!article.publishedAt || Date.parse(article.publishedAt) < since) return;
  }
  const card = list.querySelector(`[data-story-id="${CSS.escape(article.storyId)}"]`);
  if (card) {
    announce(t("newArticle", article.title));
    addToCard(card, article, 1);
    if (state.order !== "size") list.prepend(card);
    return;
  }
  if (state.order === "size") return;
  if (Number(state.minSources) > 1) {
    listIfItQualifies(article);
    return;
  }
  list.querySelector(".empty")?.remove();
  const fresh = storyCard({ id: article.storyId, title: article.title, articleCount: 0,
                            sources: [], languages: [article.language],
                            firstPublishedAt: article.publishedAt,
                            lastPublishedAt: article.publishedAt });
  announce(t("newStory", article.title));
  addToCard(fresh, article, 1);
  list.prepend(fresh);
}

// The article in its card: the count (by `added`), its source, a "new" line.
function addToCard(card, article, added) {
  const count = card.querySelector(".count");
  const n = Number(count.dataset.count) + added;
  count.dataset.count = n;
  count.textContent = t("articles", n);
  if (article.source && !card.wartaSources.has(article.source)) {
    card.wartaSources.add(article.source);
    card.querySelector(".sources").textContent = [...card.wartaSources].join(", ");
  }
  card.querySelector(".latest").prepend(
    el("li", { class: "live-article", "data-article-id": article.id },
      el("span", { class: "badge" }, t("newBadge")), " ",
      article.source ? `${article.source}: ` : "", article.title));
  card.classList.add("updated");
}

async function listIfItQualifies(article) {
  if (state.checking.has(article.storyId)) return;  // one look per story at a time
  state.checking.add(article.storyId);
  try {
    const story = await api(`/api/stories/${encodeURIComponent(article.storyId)}`);
    const list = document.getElementById("stories");
    if (!list || (story.sources || []).length < Number(state.minSources) ||
        list.querySelector(`[data-story-id="${CSS.escape(story.id)}"]`)) {
      return;
    }
    list.querySelector(".empty")?.remove();
    const card = storyCard(story);
    announce(t("newStory", story.title));
    addToCard(card, article, 0);  // the fetched story already counts it
    list.prepend(card);
  } catch (error) {
    // The next article of the story looks again.
  } finally {
    state.checking.delete(article.storyId);
  }
}

// ---- one story --------------------------------------------------------------

// Who published what a claim or timeline entry comes from; when no source is
// known, the first words of its article's title stand in for it.
function sourceOf(claimOrArticle, articles) {
  if (claimOrArticle.source) return claimOrArticle.source;
  const article = articles && articles.get(claimOrArticle.articleId);
  if (article && article.source) return article.source;
  if (article && article.title) {
    const words = article.title.split(/\s+/);
    return `“${words.slice(0, 4).join(" ")}${words.length > 4 ? "…" : ""}”`;
  }
  return t("noSource");
}

function articlesBySource(story) {
  const groups = new Map();
  for (const a of story.articles) {
    const key = a.source || t("noSource");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  }
  return el("section", { class: "by-source" }, el("h2", {}, t("articlesBySource")),
    [...groups.entries()].map(([source, list]) => el("section", { class: "source" },
      el("h3", {}, source),
      el("ol", {}, list.map((a) => el("li", { "data-article-id": a.id },
        el("time", { datetime: a.publishedAt || "" }, day(a.publishedAt) || t("undated")), " ",
        a.title || a.id, a.duplicateOf ? el("span", { class: "badge" }, t("copyOf")) : null))))));
}

function entityLinks(entities) {
  return el("ul", { class: "entities" }, entities.map((e) => el("li", {},
    el("a", { href: `#/entity/${encodeURIComponent(e.id)}` }, e.name),
    " ", el("span", { class: "type" }, t("types")[e.type] || ""))));
}

const PALETTE = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7b83"];

// One disputed figure group: a bar per value (by source and date, the
// qualifier written above it) and the same figures as a table.
function contestedGroup(group, articles) {
  const rows = group.claims.map((c) => {
    const q = (c.claim.quantities || [])[0] || { value: 0, qualifier: "" };
    return { source: sourceOf(c, articles), date: day(c.publishedAt), speaker: c.speakerName,
             q, text: (c.claim.content || {}).text || "" };
  });
  const title = `${group.unit} — ${(group.subjectNames || []).join(", ")}`;
  const table = el("table", { class: "figures" },
    el("caption", {}, title),
    el("thead", {}, el("tr", {}, [t("source"), t("date"), t("figure"), t("who")].map((h) =>
      el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((r) => el("tr", { class: "figure-row", "data-value": r.q.value,
                                               "data-source": r.source },
      el("td", { class: "source" }, r.source),
      el("td", { class: "date" }, r.date || t("undated")),
      el("td", { class: "value" }, el("strong", {}, formatFigure(r.q)), r.q.unit ? ` ${r.q.unit}` : ""),
      el("td", { class: "speaker" }, r.speaker || t("unknownSpeaker"))))));
  const figure = el("div", { class: "contested" }, el("h3", {}, title));
  const grid = el("div", { class: "figure-grid" });
  if (window.Chart) {
    const canvas = el("canvas", { role: "img", "aria-label": t("chartLabel", group.unit) });
    grid.append(el("div", { class: "chart" }, canvas));
    requestAnimationFrame(() => drawChart(canvas, rows));
  }
  grid.append(el("div", { class: "table-wrap" }, table));
  figure.append(grid);
  return figure;
}

function drawChart(canvas, rows) {
  const sources = [...new Set(rows.map((r) => r.source))];
  const colour = (r) => PALETTE[sources.indexOf(r.source) % PALETTE.length];
  // Writes each bar's figure ("sekitar 10.000") above it: readable at a glance.
  const valueLabels = {
    id: "wartaValueLabels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = "bold 12px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.fillStyle = "#1b1f24";
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        ctx.fillText(formatFigure(rows[i].q), bar.x, bar.y - 6);
      });
      ctx.restore();
    },
  };
  const chart = new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: rows.map((r) => [r.source, r.date || t("undated")]),
      datasets: [{ data: rows.map((r) => r.q.value), backgroundColor: rows.map(colour) }],
    },
    options: {
      animation: false, maintainAspectRatio: false,
      layout: { padding: { top: 24 } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => {
          const r = rows[item.dataIndex];
          return `${formatFigure(r.q)} ${r.q.unit || ""} — ${t("according")} ${r.speaker || t("unknownSpeaker")}`;
        } } },
      },
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => formatNumber(v) } } },
    },
    plugins: [valueLabels],
  });
  state.charts.push(chart);
}

function timeline(story, articles) {
  if (!story.timeline.length) return null;
  return el("section", { class: "timeline" }, el("h2", {}, t("timeline")),
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, [t("date"), t("source"), t("who"), t("figure")].map((h) =>
        el("th", { scope: "col" }, h)))),
      el("tbody", {}, story.timeline.map((e) => el("tr", {},
        el("td", {}, day(e.publishedAt) || t("undated")),
        el("td", {}, sourceOf(e, articles)),
        el("td", {}, e.speakerName || t("unknownSpeaker")),
        el("td", {}, e.quantities.map((q) => `${formatFigure(q)} ${q.unit || ""}`).join("; "))))))));
}

async function renderStory(id) {
  const main = setMain(el("p", {}, el("a", { href: "#/" }, "← ", t("back"))));
  try {
    const story = await api(`/api/stories/${encodeURIComponent(id)}`);
    const articles = new Map(story.articles.map((a) => [a.id, a]));
    main.append(
      el("h1", { "data-story-id": story.id }, story.title || story.id),
      el("p", { class: "meta" }, t("articles", story.articleCount), " · ",
         t("sources", story.sources.length), " · ", story.languages.join(", "), " · ",
         dateRange(story)),
      articlesBySource(story),
      story.mainEntities.length ? el("section", {}, el("h2", {}, t("mainEntities")),
                                     entityLinks(story.mainEntities)) : null,
      el("section", { class: "disputed" }, el("h2", {}, t("disputed")),
         story.contested.length ? story.contested.map((g) => contestedGroup(g, articles))
                                : el("p", {}, t("noDisputed"))),
      timeline(story, articles));
  } catch (error) { showError(main, error); }
}

// ---- one entity -------------------------------------------------------------

async function renderEntity(id) {
  const main = setMain(el("p", {}, el("a", { href: "#/" }, "← ", t("back"))));
  try {
    const detail = await api(`/api/entities/${encodeURIComponent(id)}`);
    const e = detail.entity;
    const seen = e.firstSeen ? `${day(e.firstSeen)} – ${day(e.lastSeen)}` : t("undated");
    main.append(
      el("h1", { "data-entity-id": e.id }, e.name),
      el("p", { class: "meta" }, t("types")[e.type] || t("entity"), " · ",
         t("articles", e.articleCount), " · ", t("seen"), " ", seen),
      el("section", {}, el("h2", {}, t("aliases")),
         el("ul", { class: "aliases" }, e.aliases.map((a) => el("li", {}, a)))),
      e.roles.length ? el("section", {}, el("h2", {}, t("roles")),
                          el("ul", {}, e.roles.map((r) => el("li", {}, r)))) : null,
      detail.coOccurring.length ? el("section", {}, el("h2", {}, t("seenWith")),
        entityLinks(detail.coOccurring.map((c) => c.entity))) : null,
      el("section", {}, el("h2", {}, t("entityStories")),
         el("ul", { class: "entity-stories" }, detail.stories.map((s) => el("li", {},
           el("a", { href: `#/story/${encodeURIComponent(s.id)}` }, s.title || s.id),
           " ", el("span", { class: "meta" }, dateRange(s)))))),
      el("section", { class: "said" }, el("h2", {}, t("said")),
         detail.claims.length ? detail.claims.map((c) => el("figure", { class: "claim" },
           el("blockquote", {}, c.claim.content ? c.claim.content.text : ""),
           el("figcaption", {}, [c.source || t("noSource"), day(c.publishedAt)].filter(Boolean).join(" · "),
              (c.claim.quantities || []).length
                ? ` · ${c.claim.quantities.map((q) => `${formatFigure(q)} ${q.unit || ""}`).join("; ")}`
                : "")))
           : el("p", {}, t("nothingSaid"))));
  } catch (error) { showError(main, error); }
}

// ---- who is in the news ---------------------------------------------------------

// The registry's people, organisations and places, most mentioned first:
// one entry per entity across outlets, with how many articles name it.
function entityRow(e) {
  return el("li", { class: "entity-row", "data-entity-id": e.id },
    el("a", { href: `#/entity/${encodeURIComponent(e.id)}` }, e.name), " ",
    el("span", { class: "meta" }, t("types")[e.type] || t("entity"), " · ",
       el("span", { class: "count", "data-count": e.articleCount }, t("articles", e.articleCount)),
       e.aliases.length > 1 ? ` · ${e.aliases.filter((a) => a !== e.name).slice(0, 3).join(", ")}`
                            : ""));
}

async function renderEntities(params, pageToken) {
  let list = document.getElementById("entity-list");
  if (!pageToken) {
    const go = (changes) => {
      location.hash = "#/entities?" + query({ ...params, ...changes });
    };
    const types = [["", t("allTypes")], ["person", t("people")],
                   ["organization", t("organisations")], ["location", t("places")]];
    list = el("ol", { id: "entity-list", class: "entity-list" });
    setMain(el("div", { class: "toolbar" }, el("h1", {}, t("entitiesTitle")),
      el("div", { class: "filters" },
        labelledSelect("entity-days", t("period"), periods(), params.days || "",
                       (days) => go({ days })),
        labelledSelect("entity-type", t("typeFilter"), types, params.type || "",
                       (type) => go({ type })),
        el("form", { id: "entity-filter", onsubmit: (e) => {
          e.preventDefault();
          go({ q: document.getElementById("entity-q").value.trim() });
        } }, el("label", { for: "entity-q" }, t("nameFilter"), " "),
           el("input", { id: "entity-q", type: "search", value: params.q || "" })))),
      list);
  }
  const main = document.getElementById("main");
  try {
    const page = await api("/api/entities?" + query({ q: params.q, type: params.type,
                                                      days: params.days, page_token: pageToken }));
    for (const e of page.entities) list.append(entityRow(e));
    document.getElementById("more")?.remove();
    if (!list.children.length) main.append(el("p", { class: "empty" }, t("noEntities")));
    if (page.nextPageToken) {
      main.append(el("button", { id: "more", type: "button",
                                 onclick: () => renderEntities(params, page.nextPageToken) },
                     t("moreEntities")));
    }
  } catch (error) { showError(main, error); }
}

// ---- search -----------------------------------------------------------------

// A snippet with the store's markers turned into <mark> elements.
function snippet(text, start, end) {
  const node = el("p", { class: "snippet" });
  if (!start || !end) { node.textContent = text; return node; }
  let rest = text;
  while (rest) {
    const open = rest.indexOf(start);
    if (open < 0) { node.append(rest); break; }
    node.append(rest.slice(0, open));
    const close = rest.indexOf(end, open + start.length);
    const stop = close < 0 ? rest.length : close;
    node.append(el("mark", {}, rest.slice(open + start.length, stop)));
    rest = close < 0 ? "" : rest.slice(close + end.length);
  }
  return node;
}

async function renderSearch(q) {
  document.getElementById("search-input").value = q;
  const main = setMain(el("h1", {}, t("searchResults", q)));
  try {
    const result = await api("/api/search?" + query({ q, language: state.language }));
    const hits = result.hits || [];
    if (!hits.length) main.append(el("p", { class: "empty" }, t("noHits")));
    main.append(el("ol", { class: "hits" }, hits.map((hit) => {
      const a = hit.article, plain = (a.text && a.text.title) || a.article.title || a.article.id;
      // The title with its matched words marked when the store marked them.
      const title = hit.titleSnippet
        ? [...snippet(hit.titleSnippet, result.snippetMarkStart, result.snippetMarkEnd).childNodes]
        : plain;
      return el("li", { class: "hit", "data-article-id": a.article.id },
        el("h2", {}, a.storyId ? el("a", { href: `#/story/${encodeURIComponent(a.storyId)}` }, title)
                               : title),
        el("p", { class: "meta" }, [a.article.source, day(a.article.publishedAt)].filter(Boolean).join(" · ")),
        snippet(hit.snippet || "", result.snippetMarkStart, result.snippetMarkEnd));
    })));
  } catch (error) {
    if (error.status === 501) {
      main.append(el("p", { id: "search-error", class: "error", role: "alert" },
                     `${t("searchUnavailable")} ${error.message}`));
    } else {
      showError(main, error);
    }
  }
}

// ---- routing, live events, controls -------------------------------------------

function route() {
  const hash = location.hash.replace(/^#/, "");
  let m;
  if ((m = hash.match(/^\/story\/(.+)$/))) return { name: "story", id: decodeURIComponent(m[1]) };
  if ((m = hash.match(/^\/entity\/(.+)$/))) return { name: "entity", id: decodeURIComponent(m[1]) };
  if ((m = hash.match(/^\/entities(?:\?(.*))?$/))) {
    const p = new URLSearchParams(m[1] || "");
    return { name: "entities",
             params: { q: p.get("q") || "", type: p.get("type") || "", days: p.get("days") || "" } };
  }
  if ((m = hash.match(/^\/search\?(.*)$/))) {
    return { name: "search", id: new URLSearchParams(m[1]).get("q") || "" };
  }
  return { name: "stories" };
}

function render() {
  state.view = route();
  if (state.view.name === "story") return renderStory(state.view.id);
  if (state.view.name === "entity") return renderEntity(state.view.id);
  if (state.view.name === "search") return renderSearch(state.view.id);
  if (state.view.name === "entities") return renderEntities(state.view.params);
  return renderStories();
}

function applyLabels() {
  document.documentElement.lang = state.ui;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
  const toggle = document.getElementById("ui-lang");
  toggle.textContent = t("switchTo");
  toggle.setAttribute("aria-label", t("switchToLabel"));
  toggle.lang = state.ui === "en" ? "id" : "en";
  setLive(state.liveState || "connecting");
}

function setLive(name) {
  state.liveState = name;
  const status = document.getElementById("live-status");
  status.textContent = t(name);
  status.className = `live ${name === "live" ? "on" : "off"}`;
}

function connectLive() {
  const events = new EventSource("/api/events");
  events.addEventListener("ready", () => {
    setLive("live");
    window.wartaLive = true;
  });
  events.addEventListener("article", (message) => {
    const article = JSON.parse(message.data);
    if (state.seen.has(article.id)) return;
    state.seen.add(article.id);
    if (state.view && state.view.name === "stories") addLiveArticle(article);
    if (state.view && state.view.name === "story" && state.view.id === article.storyId) {
      clearTimeout(state.reloadTimer);  // a burst of articles: one reload
      state.reloadTimer = setTimeout(() => renderStory(article.storyId), 500);
    }
  });
  events.addEventListener("store-error", () => setLive("reconnecting"));
  events.onerror = () => {
    setLive("reconnecting");
    window.wartaLive = false;
    // The browser retries a dropped stream by itself, but gives up on an
    // HTTP error (503 when warta-web serves too many live clients): retry then.
    if (events.readyState === EventSource.CLOSED) setTimeout(connectLive, 5000);
  };
}

function init() {
  document.getElementById("language-filter").value = state.language;
  document.getElementById("language-filter").addEventListener("change", (e) => {
    state.language = e.target.value;
    localStorage.setItem("warta.language", state.language);
    render();
  });
  document.getElementById("ui-lang").addEventListener("click", () => {
    state.ui = state.ui === "en" ? "id" : "en";
    localStorage.setItem("warta.ui", state.ui);
    applyLabels();
    render();
  });
  document.getElementById("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    if (q) location.hash = "#/search?" + query({ q });
  });
  // The skip link focuses the content instead of changing the route.
  document.getElementById("skip").addEventListener("click", (e) => {
    e.preventDefault();
    document.getElementById("main").focus();
  });
  window.addEventListener("hashchange", render);
  applyLabels();
  connectLive();
  render();
}

init();
