// The newsroom page's Download: every article of the view as CSV, from GET /api/v1/export, saved as a file.
// A plain link cannot do it: it could carry the key only in its URL (kept in the browser's history and its list of
// downloads, which the page never lets a key into), and it could not show why the gateway refused. So the export is
// fetched with the key in X-Api-Key, read as it streams, and saved from a Blob.
'use strict';

window.NewsroomDownload = (() => {
  class DownloadProblem extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  /** Counts the records of CSV text as it arrives (a line break inside quotes is inside a cell). */
  class RecordCounter {
    constructor() {
      this.quoted = false;
      this.records = 0;
      this.open = false;
    }

    add(text) {
      for (let i = 0; i < text.length; i += 1) {
        const c = text[i];
        if (c === '"') {
          this.quoted = !this.quoted;
        } else if (c === '\n' && !this.quoted) {
          this.records += 1;
          this.open = false;
          continue;
        }
        if (c !== '\r') {
          this.open = true;
        }
      }
    }

    /** The rows under the header row. */
    rows() {
      return Math.max(0, this.records + (this.open ? 1 : 0) - 1);
    }
  }

  async function problemOf(response) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) {
      // Not a problem document: the status says enough.
    }
    return new DownloadProblem(response.status, detail);
  }

  /** The file name the answer gives (Content-Disposition), or one made of the export's end. */
  function fileName(response, to) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/i.exec(disposition);
    const given = match ? match[1].replace(/[\\/]/g, '_').trim() : '';
    return given || `newsradar-${to.replace(/[:.]/g, '-')}.csv`;
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /**
   * Downloads the CSV of every article matching {@code filters} published before now, and saves it.
   *
   * @return {Promise<{name: string, rows: number, bytes: number}>} what was saved
   * @throws DownloadProblem with the gateway's reason when it refused, or when the answer broke off
   */
  async function csv(filters, key) {
    const params = new URLSearchParams(filters);
    const to = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    params.set('to', to); // an export needs its end; it reaches back as far as the gateway allows
    let response;
    try {
      response = await fetch('/api/v1/export?' + params.toString(), {
        headers: { 'X-Api-Key': key, Accept: 'text/csv' }, cache: 'no-store',
      });
    } catch (e) {
      throw new DownloadProblem(0, 'the gateway is not reachable');
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    const counter = new RecordCounter();
    const decoder = new TextDecoder();
    const chunks = [];
    let bytes = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        chunks.push(value);
        bytes += value.length;
        counter.add(decoder.decode(value, { stream: true }));
      }
    } catch (e) {
      throw new DownloadProblem(0, `the export broke off after ${counter.rows()} rows; nothing was saved`);
    }
    const name = fileName(response, to);
    save(new Blob(chunks, { type: 'text/csv;charset=utf-8' }), name);
    return { name, rows: counter.rows(), bytes };
  }

  return { csv };
})();
