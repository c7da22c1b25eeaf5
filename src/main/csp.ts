// The renderer's Content-Security-Policy, sent as a header with every page by both hosts (the
// Electron app:// protocol and the browser host). It matches the <meta> policy in
// src/renderer/index.html and adds frame-ancestors, which only a header can set. Everything the
// page loads — scripts, tiles, photos, API calls — comes from its own origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ')
