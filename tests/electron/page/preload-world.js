/*
 * Runs in the preload's own isolated world of each new document (Chromium's content-script worlds,
 * the technique electron.d.ts L20361-L20372 says contextIsolation uses). It gives the built preload
 * what a sandboxed preload has and no more, then runs it. Filled in by tests/electron/double/page-driver.ts:
 * the CONFIG placeholder (JSON) and the PRELOAD_SOURCE placeholder (the preload file, verbatim).
 */
(() => {
  'use strict';
  // Preloads run in the main frame only unless nodeIntegrationInSubFrames (electron.d.ts L20473-L20477).
  if (window !== window.top) return;
  const config = __CONFIG__;
  const post = globalThis[config.binding];
  // The raw channel to the main process is the double's: the preload reaches it only through ipcRenderer.
  try {
    delete globalThis[config.binding];
  } catch {
    // a binding Chromium made non-configurable stays, unused by the preload
  }
  const EVENTS = config.events;

  const invokes = new Map();
  let nextInvoke = 1;
  Object.defineProperty(globalThis, config.settle, {
    value: (id, ok, value, message) => {
      const pending = invokes.get(id);
      if (!pending) return;
      invokes.delete(id);
      if (ok) pending.resolve(value);
      // electron.d.ts L9452-L9455: only the message of an error thrown in a handler reaches the renderer.
      else pending.reject(new Error(message));
    },
  });

  const ipcRenderer = {
    /**
     * electron.d.ts L9668-L9676: arguments are serialized with the Structured Clone Algorithm (no
     * prototype chains); functions, promises, symbols, WeakMaps and WeakSets throw.
     */
    invoke(channel, ...args) {
      const cloned = structuredClone(args);
      const id = nextInvoke++;
      return new Promise((resolve, reject) => {
        invokes.set(id, { resolve, reject });
        post(JSON.stringify({ kind: 'invoke', id, channel: String(channel), args: cloned }));
      });
    },
  };
  for (const name of ['send', 'sendSync', 'on', 'once', 'off', 'postMessage', 'sendToHost', 'removeAllListeners'])
    ipcRenderer[name] = () => {
      throw new Error(`The Electron test double does not implement ipcRenderer.${name}.`);
    };

  // contextBridge: what crosses to the main world is a copy (docs/api/context-bridge, the table that
  // electron.d.ts L7682-L7684 refers to): functions are proxied, objects and arrays are copied key by
  // key without their prototype, promises are proxied only at the top, symbols cannot cross.
  const functions = new Map();
  let nextFunction = 1;
  function describe(value, depth) {
    if (typeof value === 'function') {
      const id = nextFunction++;
      functions.set(id, value);
      return { t: 'fn', id };
    }
    if (typeof value === 'symbol') throw new Error('Symbols cannot be sent over the context bridge.');
    if (value === null || typeof value !== 'object') return { t: 'v', v: value };
    if (value instanceof Promise) return depth === 0 ? { t: 'v', v: undefined } : undefined;
    if (Array.isArray(value)) return { t: 'a', items: value.map((item) => describe(item, depth + 1) ?? { t: 'v', v: undefined }) };
    if (value instanceof Error) return { t: 'err', message: value.message };
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && typeof structuredClone === 'function') {
      try {
        return { t: 'v', v: structuredClone(value) }; // Date, RegExp, Map, ArrayBuffer…: cloneable types
      } catch {
        // a class instance: copied key by key below, its prototype (and methods) dropped
      }
    }
    const entries = [];
    for (const key of Object.keys(value)) {
      const described = describe(value[key], depth + 1);
      if (described) entries.push([key, described]);
    }
    return { t: 'o', entries };
  }

  const exposed = new Map();
  function deliver(key) {
    document.dispatchEvent(new CustomEvent(EVENTS.expose, { detail: { key, descriptor: exposed.get(key) } }));
  }
  document.addEventListener(EVENTS.mainReady, () => {
    for (const key of exposed.keys()) deliver(key);
  });
  document.addEventListener(EVENTS.call, (event) => {
    const { callId, fn, args } = event.detail || {};
    const target = functions.get(fn);
    const answer = (detail) => document.dispatchEvent(new CustomEvent(EVENTS.result, { detail: { callId, ...detail } }));
    if (!target) return answer({ state: 'threw', message: 'This function is not exposed.' });
    let result;
    try {
      result = target(...(Array.isArray(args) ? args : []));
    } catch (error) {
      return answer({ state: 'threw', message: error && error.message ? error.message : String(error) });
    }
    if (result && typeof result.then === 'function') {
      answer({ state: 'pending' });
      result.then(
        (value) => {
          let descriptor;
          try {
            descriptor = describe(value, 0);
          } catch (error) {
            return answer({ state: 'rejected', message: error.message });
          }
          answer({ state: 'fulfilled', value: descriptor });
        },
        (error) => answer({ state: 'rejected', message: error && error.message ? error.message : String(error) }),
      );
      return undefined;
    }
    return answer({ state: 'returned', value: describe(result, 0) });
  });

  const contextBridge = {
    exposeInMainWorld(apiKey, api) {
      if (!config.contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (exposed.has(apiKey)) throw new Error('Cannot bind an API on top of an existing property on the window object');
      exposed.set(apiKey, describe(api, 0));
      deliver(apiKey);
    },
    exposeInIsolatedWorld() {
      throw new Error('The Electron test double does not implement contextBridge.exposeInIsolatedWorld.');
    },
  };

  const electron = { contextBridge, ipcRenderer };
  // docs/tutorial/sandbox: a sandboxed preload's require gives the renderer's electron modules and a
  // few polyfills (events, timers, url); nothing else, no relative files, no node_modules.
  const POLYFILLED = ['events', 'timers', 'url', 'node:events', 'node:timers', 'node:url'];
  function sandboxedRequire(name) {
    if (name === 'electron' || name === 'electron/renderer') return electron;
    if (config.sandboxed && POLYFILLED.includes(name))
      throw new Error(`The Electron test double does not provide the sandbox's "${name}" polyfill.`);
    if (config.sandboxed) throw new Error(`module not found: ${name}`);
    throw new Error(`The Electron test double runs sandboxed preloads only (require("${name}")).`);
  }
  const module = { exports: {} };
  const process = Object.freeze({
    type: 'renderer',
    sandboxed: config.sandboxed,
    contextIsolated: config.contextIsolation,
    isMainFrame: true,
    platform: config.platform,
    env: {},
  });
  try {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the CommonJS wrapper's parameters, for the preload's code
    (function (require, module, exports, process, global) {
      // eslint-disable-next-line @typescript-eslint/no-unused-expressions -- replaced by the preload's code
      __PRELOAD_SOURCE__;
    }).call(module.exports, sandboxedRequire, module, module.exports, process, globalThis);
  } catch (error) {
    // Electron logs the error and emits `preload-error` (electron.d.ts L18419-L18423); the page loads on.
    post(JSON.stringify({ kind: 'preload-error', message: String(error && error.message), stack: String(error && error.stack) }));
  }
})();
