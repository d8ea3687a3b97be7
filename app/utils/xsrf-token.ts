// The CSRF token page scripts echo in X-XSRF-TOKEN, read from the XSRF-TOKEN cookie the server sets at login.

/** The current token ('' when signed out or on the server). */
export function xsrfToken(): string {
  if (import.meta.server) return ''
  return decodeURIComponent(document.cookie.split('; ').find(row => row.startsWith('XSRF-TOKEN='))?.slice(11) ?? '')
}
