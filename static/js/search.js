// Suggestions for the header's search box: a combobox with a listbox of page titles.
// Without JavaScript the box is a plain GET form to /search/.
(function () {
    "use strict";
    var form = document.querySelector(".site-search form[data-autocomplete]");
    if (!form) { return; }
    var input = form.querySelector("input[name=query]");
    var endpoint = form.getAttribute("data-autocomplete");
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    list.id = "site-search-suggestions";
    list.className = "site-search__suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested pages");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function empty() {
        list.hidden = true;
        list.textContent = "";
        items = [];
        active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
    }

    function close() {
        // A request still on its way must not open the list again.
        clearTimeout(timer);
        latest += 1;
        empty();
        status.textContent = "";
    }

    function mark(index) {
        items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
        active = index;
        if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
        else { input.removeAttribute("aria-activedescendant"); }
    }

    function show(results) {
        empty();
        results.filter(function (result) { return result.url; }).forEach(function (result, i) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            var kind = document.createElement("span");
            item.id = "site-search-suggestion-" + i;
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            link.href = result.url;
            link.tabIndex = -1;
            kind.className = "site-search__kind";
            kind.textContent = result.where ? result.kind + " · " + result.where : result.kind;
            // The space keeps title and kind apart when the option is read out.
            link.append(result.title, " ", kind);
            item.appendChild(link);
            list.appendChild(item);
            items.push(item);
        });
        if (items.length) {
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }
        status.textContent = items.length
            ? items.length + (items.length === 1 ? " suggestion" : " suggestions") + "; use the arrow keys to choose."
            : "";
    }

    function fetchSuggestions() {
        var query = input.value.trim();
        var request = ++latest;
        if (query.length < 2) { close(); return; }
        fetch(endpoint + "?query=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { results: [] }; })
            .then(function (data) { if (request === latest) { show(data.results || []); } })
            .catch(function () { if (request === latest) { close(); } });
    }

    input.addEventListener("input", function () {
        // The highlighted suggestion was for the text before this change.
        mark(-1);
        clearTimeout(timer);
        timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            // Close the list but keep what was typed (a search box's Escape would clear it).
            if (!list.hidden) { event.preventDefault(); }
            close();
            return;
        }
        if (!items.length) {
            if (event.key === "ArrowDown" && input.value.trim().length >= 2) {
                event.preventDefault();
                fetchSuggestions();
            }
            return;
        }
        if (event.key === "ArrowDown") { event.preventDefault(); mark((active + 1) % items.length); }
        else if (event.key === "ArrowUp") { event.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1); }
        else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            window.location.href = items[active].querySelector("a").href;
        }
    });
    // Pressing on a suggestion must not take the focus from the box: the list would close
    // before the click lands on the link.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    input.addEventListener("blur", close);
}());
