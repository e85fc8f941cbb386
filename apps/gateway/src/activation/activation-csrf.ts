import type { CookieOptions } from 'express';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Double-submit protection of the activation form: the page puts one random value both in a
 * cookie only this site's own requests carry (SameSite=Strict) and in a hidden field; a post
 * counts only when the two agree.
 */
export const CSRF_COOKIE = 'roster_activation_csrf';

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

export function csrfTokensMatch(cookieValue: unknown, fieldValue: unknown): boolean {
  if (typeof cookieValue !== 'string' || typeof fieldValue !== 'string' || !cookieValue || !fieldValue) return false;
  // Equal-length digests, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(digest(cookieValue), digest(fieldValue));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A session cookie scoped to the form's own path, Secure whenever the site is served over HTTPS. */
export function csrfCookieOptions(publicUrl: string): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/activate', secure: new URL(publicUrl).protocol === 'https:' };
}
