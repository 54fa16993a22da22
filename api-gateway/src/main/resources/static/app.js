// The newsroom page: the live stream of classified articles for one filter, the latest ones under it, a chart of
// the topics of the last 24 hours, and the view's articles to download (CSV) or subscribe to (Atom). Plain JavaScript, no build step; every call carries the API key kept in this browser.
'use strict';

(() => {
  const KEY_STORE = 'newsradar.apiKey';
  const VIEW_STORE = 'newsradar.view';
  /** The filters the page keeps in its address, in this order; source and feed come only from a shared link. */
  const FILTERS = ['pair', 'country', 'region', 'topic', 'lang', 'source', 'feed'];
  const LATEST = 30;
  const MAX_SHOWN = 300;
  const CHART_TOPICS = 8;
  const CHART_HOURS = 24;
  const CHART_REFRESH_MS = 60_000;
  const RECOVERED_SHOWN_MS = 60_000;

  const $ = (id) => document.getElementById(id);
  const ui = {
    connection: $('connection'), keyPanel: $('key-panel'), keyForm: $('key-form'), keyInput: $('key-input'),
    keyProblem: $('key-problem'), newsroom: $('newsroom'), searchForm: $('search-form'), searchInput: $('search-input'),
    filterForm: $('filter-form'), filterName: $('filter-name'), filterValue: $('filter-value'), activeFilters: $('active-filters'),
    articles: $('articles'), empty: $('stream-empty'), count: $('stream-count'), chart: $('chart'), chartNote: $('chart-note'),
    largeType: $('large-type'), highContrast: $('high-contrast'), forgetKey: $('forget-key'),
    download: $('download'), downloadStatus: $('download-status'), feedAtom: $('feed-atom'),
    minConfidence: $('min-confidence'),
  };

  const state = {
    key: null,
    filters: new Map(),
    q: '',
    minConfidence: '', // '' for every tag, else the least score a tag filter and the counts take (the API's minConfidence)
    view: new Set(),
    generation: 0, // bumped whenever the stream is reopened for a new key or filter: late callbacks of older ones are ignored
    stream: null,
    lastEventId: null,
    seen: new Set(),
    latestLoaded: false,
    failures: 0,
    retryTimer: null,
    gap: null,
    chartTimer: null,
  };

  // --- storage and address ---

  function stored(name) {
    try {
      return window.localStorage.getItem(name);
    } catch (e) {
      return null;
    }
  }

  function store(name, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(name);
      } else {
        window.localStorage.setItem(name, value);
      }
    } catch (e) {
      // Storage refused (private mode): the key lasts as long as the page.
    }
  }

  function readAddress() {
    const params = new URLSearchParams(window.location.search);
    const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const key = params.get('api_key') || hash.get('key');
    if (key) {
      store(KEY_STORE, key);
    }
    state.key = key || stored(KEY_STORE);
    for (const name of FILTERS) {
      const values = params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
      if (values.length) {
        state.filters.set(name, [...new Set(values)]);
      }
    }
    state.q = (params.get('q') || '').trim();
    const min = (params.get('minConfidence') || '').trim();
    state.minConfidence = /^(0(\.[0-9]+)?|1(\.0+)?|\.[0-9]+)$/.test(min) ? min : '';
    const view = params.get('view') ?? stored(VIEW_STORE) ?? '';
    state.view = new Set(view.split(',').filter((v) => v === 'large' || v === 'contrast'));
  }

  /** The filters as query parameters, without the ones named in {@code except}. */
  function filterParams(except = []) {
    const params = new URLSearchParams();
    for (const [name, values] of state.filters) {
      if (!except.includes(name)) {
        values.forEach((v) => params.append(name, v));
      }
    }
    if (state.q && !except.includes('q')) {
      params.set('q', state.q);
    }
    if (state.minConfidence && !except.includes('minConfidence')) {
      params.set('minConfidence', state.minConfidence);
    }
    return params;
  }

  /** Puts the view in the address bar, without the key, so that the link can be shared. */
  function writeAddress() {
    const params = filterParams();
    if (state.view.size) {
      params.set('view', [...state.view].sort().join(','));
    }
    // Commas and spaces as a person would type them: ?region=VN-54,VN-56&q=bac%20giang
    const search = [...params].map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/g, ',')}`).join('&');
    window.history.replaceState(null, '', window.location.pathname + (search ? '?' + search : ''));
    const filters = filterParams().toString();
    ui.feedAtom.href = '/feeds/v1/articles.atom' + (filters ? '?' + filters : '');
  }

  // --- download ---

  /** The CSV of every article of the current filters (download.js), with what it saved or why it could not. */
  async function download() {
    const generation = state.generation;
    ui.download.disabled = true;
    ui.downloadStatus.dataset.state = 'running';
    ui.downloadStatus.textContent = 'Downloading…';
    try {
      const saved = await window.NewsroomDownload.csv(filterParams(), state.key);
      ui.downloadStatus.dataset.state = 'saved';
      ui.downloadStatus.textContent = `Saved ${saved.name}: ${saved.rows} ${saved.rows === 1 ? 'article' : 'articles'}`
          + ` (${Math.max(1, Math.round(saved.bytes / 1024))} KB)`;
    } catch (problem) {
      ui.downloadStatus.dataset.state = 'failed';
      ui.downloadStatus.textContent = `Download failed${problem.status ? ` (${problem.status})` : ''}: ${problem.message}`;
      if ((problem.status === 401 || problem.status === 403) && generation === state.generation) {
        refused(problem);
      }
    } finally {
      ui.download.disabled = false;
    }
  }

  // --- the API ---

  class ApiProblem extends Error {
    constructor(status, detail, retryAfter) {
      super(detail);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  async function api(path, params) {
    const search = params ? params.toString() : '';
    let response;
    try {
      response = await fetch(path + (search ? '?' + search : ''), {
        headers: { 'X-Api-Key': state.key, Accept: 'application/json' }, cache: 'no-store',
      });
    } catch (e) {
      throw new ApiProblem(0, 'the gateway is not reachable', null);
    }
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch (e) {
        // Not a problem document: the status says enough.
      }
      throw new ApiProblem(response.status, detail, Number(response.headers.get('Retry-After')) || null);
    }
    return response.json();
  }

  // --- connection state ---

  function setConnection(kind, text) {
    ui.connection.dataset.state = kind;
    ui.connection.textContent = text;
  }

  function refused(problem) {
    closeStream();
    setConnection('refused', 'key refused');
    ui.keyProblem.textContent = `The gateway refused this key (${problem.status}): ${problem.message}`;
    ui.keyProblem.hidden = false;
    showKeyPanel();
  }

  function showKeyPanel() {
    ui.keyPanel.hidden = false;
    ui.keyInput.value = '';
    ui.keyInput.focus();
  }

  function retryLater(generation, problem) {
    state.failures += 1;
    const seconds = problem.retryAfter || Math.min(30, 2 ** Math.min(state.failures, 5));
    setConnection('reconnecting', `reconnecting in ${seconds} s: ${problem.message}`);
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(() => {
      if (generation === state.generation) {
        connect(false);
      }
    }, seconds * 1000);
  }

  // --- the stream ---

  function closeStream() {
    clearTimeout(state.retryTimer);
    if (state.stream) {
      state.stream.close();
      state.stream = null;
    }
  }

  /**
   * Checks the key with a plain request first (an EventSource cannot read the problem a refusal carries), then opens
   * the stream. With {@code fresh}, the list starts again (a new key or filter); otherwise the stream resumes.
   */
  async function connect(fresh) {
    const generation = fresh ? ++state.generation : state.generation;
    closeStream();
    if (fresh) {
      clearArticles();
    }
    setConnection('connecting', 'connecting…');
    try {
      await api('/api/v1/articles', new URLSearchParams({ size: '1' }));
    } catch (problem) {
      if (generation !== state.generation) {
        return;
      }
      if (problem.status === 401 || problem.status === 403) {
        refused(problem);
      } else {
        retryLater(generation, problem);
      }
      return;
    }
    if (generation !== state.generation) {
      return;
    }
    ui.keyPanel.hidden = true;
    ui.keyProblem.hidden = true;
    ui.newsroom.hidden = false;
    openStream(generation, state.lastEventId);
    if (fresh) {
      scheduleChart(generation);
    }
  }

  function openStream(generation, from) {
    const params = filterParams();
    params.set('api_key', state.key);
    if (from) {
      params.set('lastEventId', from);
    }
    const stream = new EventSource('/api/v1/stream?' + params.toString());
    state.stream = stream;
    const current = () => generation === state.generation && stream === state.stream;

    stream.addEventListener('open', () => {
      if (!current()) {
        return;
      }
      state.failures = 0;
      if (state.gap) {
        setConnection('resuming', 'gap: fetching the missed articles…');
        state.gap.timer = setTimeout(() => gapRecovered(), 3000);
      } else {
        setConnection('live', 'live');
      }
      if (!state.latestLoaded) {
        state.latestLoaded = true;
        loadLatest(generation);
      }
    });
    stream.addEventListener('article', (event) => {
      if (!current()) {
        return;
      }
      state.lastEventId = event.lastEventId || state.lastEventId;
      showArticle(JSON.parse(event.data), true);
      if (state.gap) {
        state.gap.delivered += 1;
        clearTimeout(state.gap.timer);
        state.gap.timer = setTimeout(() => gapRecovered(), 500);
      }
    });
    stream.addEventListener('gap', (event) => {
      if (!current()) {
        return;
      }
      let notice = {};
      try {
        notice = JSON.parse(event.data);
      } catch (e) {
        // The id alone says where to resume.
      }
      state.lastEventId = event.lastEventId || notice.lastEventId || state.lastEventId;
      if (state.gap) {
        clearTimeout(state.gap.timer);
      }
      state.gap = { reason: notice.reason || 'slow', delivered: state.gap ? state.gap.delivered : 0, timer: null };
      stream.close();
      setConnection('resuming', `gap (${state.gap.reason}): resuming…`);
      openStream(generation, state.lastEventId);
    });
    stream.addEventListener('error', () => {
      if (!current()) {
        return;
      }
      if (stream.readyState === EventSource.CONNECTING) {
        setConnection('reconnecting', 'reconnecting…');
      } else {
        // Refused or broken for good (a status other than 200): ask the API why, then resume from the last event.
        stream.close();
        state.stream = null;
        state.failures += 1;
        setConnection('reconnecting', 'reconnecting…');
        clearTimeout(state.retryTimer);
        state.retryTimer = setTimeout(() => {
          if (generation === state.generation) {
            connect(false);
          }
        }, Math.min(30, 2 ** Math.min(state.failures, 5)) * 1000);
      }
    });
  }

  function gapRecovered() {
    if (!state.gap) {
      return;
    }
    const delivered = state.gap.delivered;
    clearTimeout(state.gap.timer);
    state.gap = null;
    setConnection('recovered', `live · gap recovered (${delivered} missed ${delivered === 1 ? 'article' : 'articles'} delivered)`);
    const generation = state.generation;
    setTimeout(() => {
      if (generation === state.generation && ui.connection.dataset.state === 'recovered') {
        setConnection('live', 'live');
      }
    }, RECOVERED_SHOWN_MS);
  }

  /** The latest matching articles from the index, under whatever the stream has already brought. */
  async function loadLatest(generation) {
    const params = filterParams();
    params.set('size', String(LATEST));
    try {
      const page = await api('/api/v1/articles', params);
      if (generation === state.generation) {
        page.items.forEach((article) => showArticle(article, false));
      }
    } catch (problem) {
      if (generation === state.generation) {
        ui.empty.textContent = `The latest articles could not be loaded: ${problem.message}`;
      }
    }
  }

  // --- the list ---

  function clearArticles() {
    ui.articles.replaceChildren();
    state.seen.clear();
    state.lastEventId = null;
    state.latestLoaded = false;
    state.failures = 0;
    if (state.gap) {
      clearTimeout(state.gap.timer);
    }
    state.gap = null;
    ui.empty.textContent = 'No article matches yet; new ones appear here the moment they are classified.';
    updateCount();
  }

  function showArticle(article, live) {
    const item = window.NewsroomArticle.render(article, live);
    if (state.seen.has(article.id)) {
      const shown = ui.articles.querySelector(`li[data-id="${CSS.escape(article.id)}"]`);
      if (shown && live) {
        shown.replaceWith(item);
      }
      return;
    }
    state.seen.add(article.id);
    if (live) {
      ui.articles.prepend(item);
    } else {
      ui.articles.append(item);
    }
    while (ui.articles.children.length > MAX_SHOWN) {
      state.seen.delete(ui.articles.lastElementChild.dataset.id);
      ui.articles.lastElementChild.remove();
    }
    updateCount();
  }

  function updateCount() {
    const n = ui.articles.children.length;
    ui.empty.hidden = n > 0;
    ui.count.textContent = n ? `(${n})` : '';
  }

  // --- filters ---

  function renderFilters() {
    const chips = [];
    for (const [name, values] of state.filters) {
      for (const value of values) {
        chips.push(filterChip(name, value));
      }
    }
    if (state.q) {
      chips.push(filterChip('q', state.q));
    }
    ui.activeFilters.replaceChildren(...chips);
    ui.searchInput.value = state.q;
  }

  function filterChip(name, value) {
    const item = document.createElement('li');
    item.className = 'filter-chip';
    const label = document.createElement('span');
    label.textContent = name === 'q' ? `“${value}”` : `${name}: ${value}`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.dataset.filter = name;
    remove.dataset.value = value;
    remove.setAttribute('aria-label', `Remove the filter ${name} ${value}`);
    remove.textContent = '×';
    item.append(label, remove);
    return item;
  }

  function changeFilters(change) {
    change();
    renderFilters();
    writeAddress();
    connect(true);
  }

  function addFilter(name, value) {
    const values = state.filters.get(name) || [];
    if (values.includes(value)) {
      return;
    }
    changeFilters(() => state.filters.set(name, [...values, value]));
  }

  function removeFilter(name, value) {
    changeFilters(() => {
      if (name === 'q') {
        state.q = '';
        return;
      }
      const values = (state.filters.get(name) || []).filter((v) => v !== value);
      if (values.length) {
        state.filters.set(name, values);
      } else {
        state.filters.delete(name);
      }
    });
  }

  // --- the chart ---

  function scheduleChart(generation) {
    clearTimeout(state.chartTimer);
    const refresh = async () => {
      if (generation !== state.generation) {
        return;
      }
      await refreshChart(generation);
      if (generation === state.generation) {
        state.chartTimer = setTimeout(refresh, CHART_REFRESH_MS);
      }
    };
    refresh();
  }

  /** Counts per topic and hour over the last 24 hours, for the current filters but the topic. */
  async function refreshChart(generation) {
    const hour = 3_600_000;
    const start = Math.floor(Date.now() / hour) * hour - (CHART_HOURS - 1) * hour;
    const base = filterParams(['topic']);
    base.set('from', new Date(start).toISOString());
    base.set('interval', 'hour');
    try {
      const all = await api('/api/v1/facets', base);
      const topics = ((all.counts && all.counts.topics) || []).slice(0, CHART_TOPICS);
      const rows = await Promise.all(topics.map(async (topic) => {
        const params = new URLSearchParams(base);
        params.set('topic', topic.value);
        const facets = await api('/api/v1/facets', params);
        const hours = new Array(CHART_HOURS).fill(0);
        for (const bucket of facets.published || []) {
          const index = Math.floor((Date.parse(bucket.start) - start) / hour);
          if (index >= 0 && index < CHART_HOURS) {
            hours[index] += bucket.count;
          }
        }
        return { topic: topic.value, total: topic.count, hours };
      }));
      if (generation !== state.generation) {
        return;
      }
      const scope = [...filterParams(['topic'])].map(([name, value]) => `${name}=${value}`).join(', ');
      ui.chartNote.textContent = (rows.length ? `${all.total} articles` : 'No article in the last 24 hours')
          + (scope ? ` matching ${scope}` : '') + ` · updated ${new Date().toLocaleTimeString()}`;
      ui.chart.replaceChildren(window.NewsroomChart.draw(rows, start, hour));
    } catch (problem) {
      if (generation === state.generation) {
        ui.chartNote.textContent = `The chart could not be refreshed: ${problem.message}`;
      }
    }
  }

  // --- view: large type, high contrast ---

  function applyView() {
    document.documentElement.classList.toggle('large-type', state.view.has('large'));
    document.documentElement.classList.toggle('high-contrast', state.view.has('contrast'));
    ui.largeType.setAttribute('aria-pressed', String(state.view.has('large')));
    ui.highContrast.setAttribute('aria-pressed', String(state.view.has('contrast')));
  }

  function toggleView(name) {
    if (state.view.has(name)) {
      state.view.delete(name);
    } else {
      state.view.add(name);
    }
    store(VIEW_STORE, [...state.view].sort().join(','));
    applyView();
    writeAddress();
  }

  // --- wiring ---

  function wire() {
    ui.keyForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const key = ui.keyInput.value.trim();
      if (key) {
        state.key = key;
        store(KEY_STORE, key);
        connect(true);
      }
    });
    ui.forgetKey.addEventListener('click', () => {
      store(KEY_STORE, null);
      state.key = null;
      state.generation += 1;
      closeStream();
      setConnection('idle', 'not connected');
      ui.keyProblem.hidden = true;
      showKeyPanel();
    });
    ui.searchForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const q = ui.searchInput.value.trim();
      if (q !== state.q) {
        changeFilters(() => {
          state.q = q;
        });
      }
    });
    ui.filterForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = ui.filterValue.value.trim();
      if (value) {
        ui.filterValue.value = '';
        addFilter(ui.filterName.value, value);
      }
    });
    ui.activeFilters.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-filter]');
      if (button) {
        removeFilter(button.dataset.filter, button.dataset.value);
      }
    });
    ui.articles.addEventListener('click', (event) => {
      const chip = event.target.closest('button[data-filter]');
      if (chip) {
        addFilter(chip.dataset.filter, chip.dataset.value);
      }
    });
    ui.minConfidence.addEventListener('change', () => {
      changeFilters(() => {
        state.minConfidence = ui.minConfidence.value;
      });
    });
    ui.download.addEventListener('click', download);
    ui.largeType.addEventListener('click', () => toggleView('large'));
    ui.highContrast.addEventListener('click', () => toggleView('contrast'));
    setInterval(() => window.NewsroomArticle.refreshTimes(ui.articles), 30_000);
  }

  readAddress();
  if (state.minConfidence && ![...ui.minConfidence.options].some((o) => o.value === state.minConfidence)) {
    ui.minConfidence.append(new Option(state.minConfidence, state.minConfidence));
  }
  ui.minConfidence.value = state.minConfidence;
  applyView();
  renderFilters();
  writeAddress();
  wire();
  if (state.key) {
    connect(true);
  } else {
    showKeyPanel();
  }
})();
