import { useSyncExternalStore } from 'react';

/** A tiny hash router: `#/evaluations/12?tab=x` → { path: ['evaluations','12'], query }. */
export interface Route {
  path: string[];
  query: URLSearchParams;
}

function read(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseRoute(hash: string): Route {
  const [p = '/', q = ''] = hash.split('?');
  return {
    path: p.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(q),
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, read, () => '/');
  return parseRoute(hash);
}

export function navigate(to: string): void {
  window.location.hash = to.startsWith('#') ? to : `#${to}`;
}
