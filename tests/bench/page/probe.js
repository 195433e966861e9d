// Injected into the app's own pages by the benchmark (Playwright addInitScript, before the app's
// scripts run). It only observes: keystroke-to-frame times, the first frame with customer rows,
// and when IndexedDB transactions that write the outbox complete. Results are read through
// `window.__mcaProbe`. Plain JavaScript: it is loaded as a file, not bundled.
(() => {
  if (window.__mcaProbe) return;
  const probe = {
    keystrokes: [],
    firstRowsAt: null,
    fcpAt: null,
    outboxCommits: [],
    clicks: [],
  };
  window.__mcaProbe = probe;

  // The time after the next frame: a message posted from requestAnimationFrame is handled after that
  // frame's style, layout and paint (it is the next task once the frame's rendering steps have run).
  function afterNextFrame(callback) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  }

  // Keystroke to rendered list. The keydown's timestamp is when the browser received the key; the
  // input handler changes the query, Vue patches the list in a microtask right after, and the frame
  // after that shows it.
  let lastKeydown = null;
  let mutated = false;
  const observer = new MutationObserver(() => {
    mutated = true;
  });
  document.addEventListener(
    'keydown',
    (event) => {
      lastKeydown = { key: event.key, at: event.timeStamp };
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || target.id !== 'customer-search') return;
      const started = lastKeydown && lastKeydown.at <= event.timeStamp ? lastKeydown : { key: '?', at: event.timeStamp };
      lastKeydown = null;
      const grid = document.querySelector('.customers-page');
      mutated = false;
      if (grid) observer.observe(grid, { childList: true, subtree: true, characterData: true, attributes: true });
      const query = target.value;
      const inputAt = performance.now();
      afterNextFrame((end) => {
        observer.disconnect();
        const count = document.getElementById('customer-count');
        probe.keystrokes.push({
          key: started.key,
          query,
          startAt: started.at,
          inputAt,
          endAt: end,
          ms: end - started.at,
          domChanged: mutated,
          count: count ? count.textContent.trim() : null,
        });
      });
    },
    true,
  );

  // First frame that shows customer rows (navigation start is time 0).
  const rowsObserver = new MutationObserver(() => {
    if (probe.firstRowsAt !== null) return;
    if (!document.querySelector('.grid__body [role="row"] .grid__name')) return;
    rowsObserver.disconnect();
    probe.firstRowsAt = -1;
    afterNextFrame((end) => {
      probe.firstRowsAt = end;
    });
  });
  rowsObserver.observe(document, { childList: true, subtree: true });

  // First frame of the Overview with its cards' counts and both charts drawn over the whole book:
  // the last snapshot's figures (data-figures="snapshot", marked "as of") or the live ones, whichever
  // comes first (overviewAt, overviewFrom), and the frame with the live ones (overviewLiveAt:
  // OverviewCharts marks data-ready once the whole cache and every MCA state were read).
  probe.overviewAt = null;
  probe.overviewFrom = null;
  probe.overviewLiveAt = null;
  const drawnCharts = () => {
    const charts = document.querySelector('.overview-charts');
    if (!charts || !document.querySelector('.overview-card__count')) return null;
    const canvases = charts.querySelectorAll('canvas');
    const drawn = canvases.length >= 2 && Array.from(canvases).every((canvas) => Number(canvas.dataset.drawn) >= 1);
    return drawn ? charts : null;
  };
  const overviewObserver = new MutationObserver(() => {
    const charts = drawnCharts();
    if (!charts) return;
    const from = charts.dataset.figures;
    if (probe.overviewAt === null && (from === 'snapshot' || from === 'live')) {
      probe.overviewAt = -1;
      probe.overviewFrom = from;
      afterNextFrame((end) => {
        probe.overviewAt = end;
      });
    }
    if (probe.overviewLiveAt === null && charts.dataset.ready === 'true') {
      probe.overviewLiveAt = -1;
      overviewObserver.disconnect();
      afterNextFrame((end) => {
        probe.overviewLiveAt = end;
      });
    }
  });
  overviewObserver.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-ready', 'data-drawn', 'data-figures'],
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') probe.fcpAt = entry.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // no paint timing: fcpAt stays null
  }

  // The requests of those transactions (what, when issued, when answered), filled in by the one
  // wrapper of IndexedDB's request methods below: where a save's time goes between opening its
  // transaction and the commit (waiting for the first answer, or writing).
  const trackedRequests = new WeakMap();

  // When a read-write transaction touching the outbox commits: the moment a saved item is durable.
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function patchedTransaction(stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options);
    const names = typeof stores === 'string' ? [stores] : Array.from(stores);
    if (mode === 'readwrite' && names.includes('outbox')) {
      const opened = performance.now();
      const requests = [];
      trackedRequests.set(tx, requests);
      tx.addEventListener('complete', () => probe.outboxCommits.push({ openedAt: opened, at: performance.now(), stores: names, requests }));
    }
    return tx;
  };
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      // `at` is when the browser received the mouse-up; `handledAt` when this page got to the click.
      if (target && target.type === 'submit')
        probe.clicks.push({ at: event.timeStamp, handledAt: performance.now(), label: target.textContent.trim() });
    },
    true,
  );

  // Where the time goes while a page loads: bridge calls and IndexedDB reads (start, end, what).
  probe.timeline = [];
  const originalFetch = window.fetch;
  window.fetch = function timedFetch(input, init) {
    const started = performance.now();
    const what = typeof input === 'string' ? input : input.url;
    return originalFetch
      .call(this, input, init)
      .finally(() => probe.timeline.push({ what: `fetch ${what}`, started, ended: performance.now() }));
  };
  const originalOpen = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function timedOpen(...args) {
    const started = performance.now();
    const request = originalOpen.apply(this, args);
    request.addEventListener('success', () => probe.timeline.push({ what: `open ${args[0]}`, started, ended: performance.now() }), {
      once: true,
    });
    return request;
  };
  // One wrapper of the request methods for both observers: the load timeline (reads of many rows)
  // and the requests of the tracked outbox transactions.
  const timelineMethods = new Set(['getAll', 'getAllKeys', 'count', 'openCursor']);
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of ['get', 'getAll', 'getAllKeys', 'put', 'add', 'delete', 'openCursor', 'count']) {
      const original = proto[method];
      if (!original) continue; // an index has no put, add or delete
      proto[method] = function observedRequest(...args) {
        const started = performance.now();
        const request = original.apply(this, args);
        const store = this.objectStore ?? this;
        const name = `${method} ${this.objectStore ? `${store.name}.${this.name}` : this.name}`;
        const tracked = trackedRequests.get(store.transaction);
        const entry = tracked ? { what: name, issued: started, done: null } : null;
        if (entry) tracked.push(entry);
        if (entry || timelineMethods.has(method))
          request.addEventListener(
            'success',
            () => {
              const ended = performance.now();
              if (entry) entry.done = ended;
              if (timelineMethods.has(method))
                probe.timeline.push({ what: name, started, ended, n: Array.isArray(request.result) ? request.result.length : undefined });
            },
            { once: true },
          );
        return request;
      };
    }
  }

  // Resolves once the page has been idle (no long work on the main thread) for `quietMs`.
  probe.idle = (quietMs = 300, timeoutMs = 30000) =>
    new Promise((resolve) => {
      const started = performance.now();
      let quietSince = performance.now();
      const tick = () => {
        const asked = performance.now();
        if (asked - started > timeoutMs) return resolve(false);
        requestIdleCallback((deadline) => {
          // A late callback or a short idle period means the main thread was busy meanwhile.
          if (performance.now() - asked > 50 || deadline.timeRemaining() < 10) quietSince = performance.now();
          if (performance.now() - quietSince >= quietMs) resolve(true);
          else setTimeout(tick, 20);
        });
      };
      tick();
    });
})();
