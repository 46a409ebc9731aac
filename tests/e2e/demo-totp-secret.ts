/**
 * The TOTP secret the browser tests' server gives the demo administrator and reviewer
 * (PORTAL_DEMO_TOTP_SECRET, set by scripts/e2e-server.ts): their role requires a second factor, and
 * the tests compute its codes as an authenticator app would. Test data only.
 */
export const DEMO_TOTP_SECRET = "KPTE2EDEMOSECRETAAAAAAAAAAAAAAAA";
