import { z } from "zod";

/**
 * Every environment variable the portal reads, validated once. Nothing else reads process.env.
 * Unset DATABASE_URL means "use the embedded database" (see lib/db/select.ts).
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//u, "DATABASE_URL must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Connections in the app's pool. The embedded database serves one session, so the start script sets 1. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Where the embedded database keeps its files. */
  PORTAL_DATA_DIR: z.string().default(".data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * Shared by the web server and the CLI so an import in another process can tell the server which
   * cached pages to refresh. `npm start` makes one up when unset.
   */
  PORTAL_REVALIDATE_SECRET: z
    .string()
    .min(32, "PORTAL_REVALIDATE_SECRET must be at least 32 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Signs session cookies. `npm start` keeps a generated one beside the data folder when unset. */
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The public address; an https:// one makes session cookies Secure. */
  NEXTAUTH_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Create the demo accounts (one per role, printed at start). On by default for the embedded database only. */
  PORTAL_DEMO_ACCOUNTS: z.enum(["0", "1"]).optional(),
  /**
   * Load the demo (accounts and a scripted year of tracking, with a 示範資料 banner on every page).
   * On by default for the embedded database only; a database given by DATABASE_URL never gets it
   * unless this is 1. Takes precedence over PORTAL_DEMO_ACCOUNTS, its older name.
   */
  PORTAL_DEMO: z.enum(["0", "1"]).optional(),
  /**
   * A base32 TOTP secret for the demo administrator and reviewer (their role requires a second
   * factor), so the browser tests can compute their codes. Unset: they enrol at first sign-in.
   */
  PORTAL_DEMO_TOTP_SECRET: z
    .string()
    .regex(/^[A-Z2-7]{16,64}$/u, "PORTAL_DEMO_TOTP_SECRET must be 16 to 64 base32 characters (A–Z, 2–7)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** A real deployment's first administrator, created when no administrator exists yet. */
  PORTAL_ADMIN_EMAIL: z
    .email()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORTAL_ADMIN_PASSWORD: z
    .string()
    .min(12, "PORTAL_ADMIN_PASSWORD must be at least 12 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * The portal's public address (e.g. https://policy.kcg.gov.tw): absolute links (API pages, feeds)
   * and the Origin check of form posts use it; the CLI's refresh call goes there. Unset: the Host
   * each request was sent to, and the CLI reads the running server from its server file.
   */
  PORTAL_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * How many reverse proxies in front of the portal append to X-Forwarded-For (0: none, the
   * portal is reached directly). The sign-in limit trusts exactly that many hops from the right.
   */
  PORTAL_TRUSTED_PROXIES: z.coerce
    .number()
    .int("PORTAL_TRUSTED_PROXIES must be a whole number of proxies")
    .min(0, "PORTAL_TRUSTED_PROXIES must be 0 or more")
    .max(10, "PORTAL_TRUSTED_PROXIES must be at most 10")
    .default(0),
  /**
   * Where e-mail goes: an smtp:// or smtps:// URL (user and password in it, percent-encoded). Unset:
   * every message is written to the outbox folder instead, for the administrators to read.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/u, error: "SMTP_URL must be an smtp:// or smtps:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The sender of every message: an address, or `Name <address>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/u,
      "MAIL_FROM must be an address or Name <address>",
    )
    .default("高雄市政追蹤 <no-reply@localhost>"),
  /** The outbox folder (used without SMTP_URL); defaults to `outbox/` beside the embedded database's folder. */
  PORTAL_OUTBOX_DIR: z
    .string()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

/** Every variable the portal reads (for .env.example and its test). */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as Array<keyof Env>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

let parsedOnce: Env | undefined;

/**
 * The running server's environment, parsed once for the process (readEnv with no argument parses
 * again, for scripts that set a variable before handing over to the server code).
 */
export function serverEnv(): Env {
  parsedOnce ??= readEnv();
  return parsedOnce;
}

/**
 * Secrets a production server cannot run without, by name: unset, signed-in pages could only
 * answer 500s, so the server refuses to start instead (instrumentation.ts for `next start`,
 * scripts/serve.ts for `NODE_ENV=production npm start`). The default `npm start` keeps a generated
 * session secret beside its data folder and passes it on, so it never gets here without one.
 */
export function missingProductionSecrets(env: Env): string[] {
  if (env.NODE_ENV !== "production") return [];
  return env.NEXTAUTH_SECRET ? [] : ["NEXTAUTH_SECRET"];
}

export const missingSecretsMessage = (names: string[]) =>
  `Refusing to start in production without ${names.join(", ")}: set ${names.length > 1 ? "them" : "it"} (at least 32 characters, e.g. \`openssl rand -hex 32\`), or start with \`npm start\`, which keeps a generated one.`;

/** Whether to load the demo: PORTAL_DEMO (or its older name) when set, else only on the embedded database. */
export function demoWanted(
  env: { PORTAL_DEMO?: "0" | "1"; PORTAL_DEMO_ACCOUNTS?: "0" | "1" },
  embedded: boolean,
): boolean {
  const asked = env.PORTAL_DEMO ?? env.PORTAL_DEMO_ACCOUNTS;
  return asked ? asked === "1" : embedded;
}
