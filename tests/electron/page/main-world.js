/*
 * Runs in the page's own (main) world of each new document, before the page's scripts: the receiving
 * half of the double's contextBridge. It builds the exposed API from the copy the preload's world sent
 * (functions become proxies that call back into that world), so the page sees values, never the
 * preload's objects. Filled in by tests/electron/double/page-driver.ts: the EVENTS placeholder (JSON).
 */
(() => {
  'use strict';
  if (window !== window.top) return;
  const EVENTS = __EVENTS__;
  const dispatch = EventTarget.prototype.dispatchEvent.bind(document);
  const results = new Map();
  let nextCall = 1;

  document.addEventListener(EVENTS.result, (event) => {
    const detail = event.detail || {};
    const entry = results.get(detail.callId);
    if (!entry) return;
    if (detail.state === 'pending') {
      entry.promise = new Promise((resolve, reject) => Object.assign(entry, { resolve, reject }));
      return;
    }
    if (detail.state === 'returned' || detail.state === 'threw') {
      Object.assign(entry, detail);
      return;
    }
    results.delete(detail.callId);
    if (detail.state === 'fulfilled') entry.resolve(build(detail.value));
    else entry.reject(new Error(detail.message));
  });

  function proxy(id) {
    return function exposedFunction(...args) {
      const callId = nextCall++;
      const entry = {};
      results.set(callId, entry);
      // Arguments are copied too; a function argument would need the reverse proxy, which the double does not have.
      if (args.some((arg) => typeof arg === 'function'))
        throw new Error('The Electron test double does not pass functions as arguments over the context bridge.');
      dispatch(new CustomEvent(EVENTS.call, { detail: { callId, fn: id, args } }));
      if (entry.state === 'returned') {
        results.delete(callId);
        return build(entry.value);
      }
      if (entry.state === 'threw') {
        results.delete(callId);
        throw new Error(entry.message);
      }
      if (entry.promise) return entry.promise;
      results.delete(callId);
      throw new Error('The preload world did not answer.');
    };
  }

  function build(descriptor) {
    if (!descriptor) return undefined;
    switch (descriptor.t) {
      case 'fn':
        return proxy(descriptor.id);
      case 'a':
        return descriptor.items.map(build);
      case 'err':
        return new Error(descriptor.message);
      case 'o': {
        const object = {};
        for (const [key, value] of descriptor.entries) object[key] = build(value);
        return object;
      }
      default:
        return descriptor.v;
    }
  }

  document.addEventListener(EVENTS.expose, (event) => {
    const { key, descriptor } = event.detail || {};
    if (typeof key !== 'string' || Object.prototype.hasOwnProperty.call(window, key)) return;
    Object.defineProperty(window, key, { value: build(descriptor), enumerable: true, configurable: false, writable: false });
  });
  dispatch(new CustomEvent(EVENTS.mainReady));
})();
