/**
 * The router. Hash history, so every address works after a reload in both transports (the app://
 * scheme and the browser-mode bridge serve only index.html). Pages need a signed-in agent, except
 * the public ones.
 */
import { START_LOCATION, createRouter, createWebHashHistory, type Router } from 'vue-router';
import { FIRST_SCREEN, routes } from './routes';
import { useSessionStore } from '../stores/session';

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHashHistory(), routes });
  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.load().catch(() => undefined);
    const signedIn = session.user !== null;
    if (to.name === 'sign-in' && signedIn && !session.expired) return typeof to.query.next === 'string' ? to.query.next : FIRST_SCREEN;
    if (!to.meta.public && !signedIn) return { name: 'sign-in', query: to.fullPath !== FIRST_SCREEN ? { next: to.fullPath } : {} };
    return true;
  });
  // Move focus to the new page's heading, so keyboard and screen-reader users land on it.
  router.afterEach((to, from) => {
    if (from === START_LOCATION || to.path === from.path) return;
    requestAnimationFrame(() => document.getElementById('main-content')?.querySelector<HTMLElement>('h1')?.focus());
  });
  return router;
}
