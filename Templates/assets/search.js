// Full-text search on the search page with Pagefind's index (pagefind/, made by build-site after the pages).
// Progressive enhancement: without JavaScript, or without an index, the page still shows the listings to browse,
// and the form still works as a plain GET form. Nothing is loaded from another host.
const container = document.getElementById("search-results");
const form = document.querySelector("form[role=search]");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-list");
const fallback = document.getElementById("search-fallback");
const root = container.dataset.root;

let pagefind = null;

async function loadPagefind() {
  if (pagefind) return pagefind;
  pagefind = await import(new URL(container.dataset.pagefind, document.baseURI).href);
  // baseUrl "/" gives addresses from the site's root, whatever folder the site is served from.
  await pagefind.options({ baseUrl: "/", excerptLength: 30 });
  return pagefind;
}

// Pagefind's excerpt is the page's text with matches in <mark>; it is parsed inertly and only text and <mark> are kept.
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
  const fragment = document.createDocumentFragment();
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(node.textContent));
    }
  }
  return fragment;
}

// Pagefind gives addresses from the site's root ("/minutes/x/index.html"); the page links relative to itself,
// so results work wherever the site is published.
function relative(url) {
  return root + url.replace(/^\/+/, "");
}

async function search(query) {
  list.replaceChildren();
  list.hidden = true;
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  let found;
  let total;
  try {
    const engine = await loadPagefind();
    const response = await engine.search(query);
    total = response.results.length;
    found = await Promise.all(response.results.slice(0, 20).map((result) => result.data()));
  } catch (error) {
    status.textContent = "Search is not available on this copy of the site. Browse the lists below instead.";
    fallback.hidden = false;
    return;
  }
  const count = total === 1 ? "1 publication" : `${total} publications`;
  status.textContent = total === 0
    ? `No publications found for “${query}”. Check the spelling or try fewer words.`
    : `${count} found for “${query}”${total > found.length ? `; the first ${found.length} are shown` : ""}.`;
  for (const result of found) {
    const item = document.createElement("li");
    item.className = "search-results__item";
    const heading = document.createElement("h2");
    heading.className = "search-results__title";
    const link = document.createElement("a");
    link.href = relative(result.url);
    link.textContent = result.meta.title || result.url;
    heading.append(link);
    item.append(heading);
    const details = [result.meta.type, result.meta.date].filter(Boolean).join(" · ");
    if (details) {
      const meta = document.createElement("p");
      meta.className = "search-results__meta";
      meta.textContent = details;
      item.append(meta);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "search-results__excerpt";
    excerpt.append(excerptNodes(result.excerpt));
    item.append(excerpt);
    list.append(item);
  }
  list.hidden = found.length === 0;
}

fallback.hidden = true;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = input.value;
  const address = new URL(window.location.href);
  address.searchParams.set("q", query);
  window.history.replaceState(null, "", address);
  search(query);
});
const initial = new URLSearchParams(window.location.search).get("q");
if (initial) {
  input.value = initial;
  search(initial);
}
