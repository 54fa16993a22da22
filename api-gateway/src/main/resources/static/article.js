// One article of the newsroom list: headline, source, time, and its tags as chips that add a filter when clicked.
// The article is the JSON /api/v1/articles/{id} gives (ArticleView): its tags carry scores and evidence.
'use strict';

window.NewsroomArticle = (() => {
  const LEAD_LENGTH = 280;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function instant(value) {
    if (value === null || value === undefined) {
      return null;
    }
    const date = typeof value === 'number' ? new Date(value < 1e11 ? value * 1000 : value) : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }

  function relative(date, now = Date.now()) {
    const seconds = Math.round((now - date.getTime()) / 1000);
    if (seconds < 45) {
      return 'just now';
    }
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) {
      return `${minutes} min ago`;
    }
    const hours = Math.round(minutes / 60);
    if (hours < 36) {
      return `${hours} h ago`;
    }
    return `${Math.round(hours / 24)} d ago`;
  }

  function timeElement(date) {
    const time = element('time', 'when');
    if (!date) {
      time.textContent = 'time unknown';
      return time;
    }
    time.dateTime = date.toISOString();
    time.title = date.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'long' });
    time.textContent = relative(date);
    return time;
  }

  function score(value) {
    return typeof value === 'number' ? value.toFixed(2) : '?';
  }

  function evidence(list) {
    if (!list || !list.length) {
      return 'no evidence recorded';
    }
    return list.map((e) => `“${e.phrase}” in the ${String(e.field || '').toLowerCase()}`).join('\n');
  }

  /** The score under which a tag is shown apart: the page's data-low-confidence, 0.5 when it has none. */
  function lowConfidence() {
    const main = document.getElementById('newsroom');
    const value = main ? Number.parseFloat(main.dataset.lowConfidence) : Number.NaN;
    return Number.isFinite(value) ? value : 0.5;
  }

  function chip(kind, filter, value, label, title, tagScore) {
    const item = element('li');
    const low = typeof tagScore === 'number' && tagScore < lowConfidence();
    const button = element('button', `chip chip-${kind}${low ? ' chip-low' : ''}`, label);
    if (low) {
      button.dataset.score = score(tagScore);
      title = `low confidence (${score(tagScore)})\n${title}`;
    }
    button.type = 'button';
    button.dataset.filter = filter;
    button.dataset.value = value;
    button.title = `${title}\n(click to filter by ${filter} ${value})`;
    item.append(button);
    return item;
  }

  function tagChips(article) {
    const tags = article.tags || {};
    const countries = new Map((tags.countries || []).map((c) => [c.code, c]));
    const chips = [];
    if (article.pair) {
      const pair = tags.pair || {};
      const named = (pair.countries || article.pair.split('-')).map((code) => {
        const country = countries.get(code);
        return `${code}: ${country ? evidence(country.evidence).replace(/\n/g, '; ') : 'no evidence recorded'}`;
      });
      chips.push(chip('pair', 'pair', article.pair, article.pair, [`pair ${article.pair} · confidence ${score(pair.confidence)}`, ...named].join('\n'), pair.confidence));
    }
    const regions = tags.regions && tags.regions.length ? tags.regions : (article.regions || []).map((code) => ({ code }));
    for (const region of regions) {
      const now = region.currentCode && region.currentCode !== region.code ? ` (now ${region.currentCode})` : '';
      const label = region.name ? `${region.name}` : region.code;
      chips.push(chip('region', 'region', region.code, label,
          `region ${region.code}${now} · score ${score(region.score)}\n${evidence(region.evidence)}`, region.score));
    }
    const topics = tags.topics && tags.topics.length ? tags.topics : (article.topics || []).map((topic) => ({ topic }));
    for (const topic of topics) {
      chips.push(chip('topic', 'topic', topic.topic, topic.topic, `topic ${topic.topic} · score ${score(topic.score)}\n${evidence(topic.evidence)}`, topic.score));
    }
    return chips;
  }

  function headline(article) {
    const heading = element('h3', 'headline');
    const title = article.title || '(no title)';
    let safe = null;
    try {
      const url = new URL(article.url);
      safe = url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      safe = null;
    }
    if (safe) {
      const link = element('a', null, title);
      link.href = safe;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      heading.append(link);
    } else {
      heading.textContent = title;
    }
    return heading;
  }

  function render(article, live) {
    const item = element('li', live ? 'article live' : 'article');
    item.dataset.id = article.id;
    const meta = element('p', 'meta');
    meta.append(element('span', 'source', article.source || article.feedId || 'unknown source'), ' · ',
        timeElement(instant(article.publishedAt)));
    if (article.language) {
      meta.append(' · ', element('span', 'lang', article.language));
    }
    item.append(meta, headline(article));
    if (article.lead) {
      const lead = article.lead.length > LEAD_LENGTH ? article.lead.slice(0, LEAD_LENGTH).trimEnd() + '…' : article.lead;
      item.append(element('p', 'lead', lead));
    }
    const chips = tagChips(article);
    if (chips.length) {
      const list = element('ul', 'tags');
      list.setAttribute('aria-label', 'Tags');
      list.append(...chips);
      item.append(list);
    }
    return item;
  }

  function refreshTimes(root) {
    const now = Date.now();
    for (const time of root.querySelectorAll('time[datetime]')) {
      time.textContent = relative(new Date(time.dateTime), now);
    }
  }

  return { render, refreshTimes };
})();
