import { HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';

/** Cookie the API sets at login, readable by scripts (double-submit CSRF token, ADR 0007). */
export const CSRF_COOKIE = 'carnet_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Value of one cookie of `document.cookie`, or null. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

export const isOurApi = (url: string): boolean => url === '/api' || url.startsWith('/api/');

/** Echoes the CSRF cookie in `X-CSRF-Token` on every state-changing call to our API (never to other sites). */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  if (SAFE_METHODS.has(request.method) || !isOurApi(request.url) || request.headers.has(CSRF_HEADER)) return next(request);
  const token = readCookie(inject(DOCUMENT).cookie ?? '', CSRF_COOKIE);
  if (!token) return next(request);
  return next(request.clone({ setHeaders: { [CSRF_HEADER]: token } }));
};
