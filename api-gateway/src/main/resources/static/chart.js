// The topics chart: one row per topic, its count over the last 24 hours and a bar per hour, as inline SVG. All bars
// share one scale, so rows compare. Colours come from the style sheet (currentColor and classes).
'use strict';

window.NewsroomChart = (() => {
  const SVG = 'http://www.w3.org/2000/svg';
  const WIDTH = 480;
  const LABEL = 120;
  const TOTAL = 48;
  const ROW = 34;
  const BAR_AREA = WIDTH - LABEL - TOTAL;
  const AXIS = 22;

  function node(tag, attributes, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      element.setAttribute(name, String(value));
    }
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function hourLabel(ms) {
    return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }

  /**
   * @param rows  [{topic, total, hours: [24 counts, oldest first]}]
   * @param start the first hour's start, epoch ms
   * @param hour  one hour in ms
   */
  function draw(rows, start, hour) {
    const height = rows.length ? rows.length * ROW + AXIS : 0;
    const svg = node('svg', {
      viewBox: `0 0 ${WIDTH} ${height}`, class: 'topics-chart', role: 'img',
      'aria-label': rows.length ? `Articles per topic and hour: ${rows.map((r) => `${r.topic} ${r.total}`).join(', ')}`
        : 'No articles in the last 24 hours',
    });
    const max = Math.max(1, ...rows.flatMap((r) => r.hours));
    const slot = BAR_AREA / (rows.length ? rows[0].hours.length : 24);
    rows.forEach((row, i) => {
      const y = i * ROW;
      const group = node('g', { class: `chart-row topic-${i % 8}`, 'data-topic': row.topic });
      group.append(node('text', { x: 0, y: y + ROW / 2 + 5, class: 'chart-label' }, row.topic));
      group.append(node('line', { x1: LABEL, x2: LABEL + BAR_AREA, y1: y + ROW - 6, y2: y + ROW - 6, class: 'chart-base' }));
      row.hours.forEach((count, h) => {
        const barHeight = count ? Math.max(2, (ROW - 10) * count / max) : 0;
        const bar = node('rect', {
          x: (LABEL + h * slot + 1).toFixed(1), y: (y + ROW - 6 - barHeight).toFixed(1), width: Math.max(1, slot - 2).toFixed(1),
          height: barHeight.toFixed(1), class: 'chart-bar',
        });
        bar.append(node('title', {}, `${row.topic} · ${hourLabel(start + h * hour)}–${hourLabel(start + (h + 1) * hour)} · ${count}`));
        group.append(bar);
      });
      group.append(node('text', { x: WIDTH, y: y + ROW / 2 + 5, class: 'chart-total', 'text-anchor': 'end' }, String(row.total)));
      svg.append(group);
    });
    if (!rows.length) {
      return svg;
    }
    const axisY = rows.length * ROW + 16;
    svg.append(node('text', { x: LABEL, y: axisY, class: 'chart-axis' }, hourLabel(start)));
    svg.append(node('text', { x: LABEL + BAR_AREA / 2, y: axisY, class: 'chart-axis', 'text-anchor': 'middle' },
        hourLabel(start + 12 * hour)));
    svg.append(node('text', { x: LABEL + BAR_AREA, y: axisY, class: 'chart-axis', 'text-anchor': 'end' }, 'now'));
    return svg;
  }

  return { draw };
})();
