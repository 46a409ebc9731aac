import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * Keys derived from NEXTAUTH_SECRET (HKDF-SHA-256, one per purpose), so the portal has one secret to
 * keep, and a copy of the database alone reveals no TOTP secret. Rotating NEXTAUTH_SECRET makes the
 * stored TOTP secrets unreadable: every enrolled user then needs an administrator's reset
 * (docs/decisions/010-second-factor.md).
 */
function keyFor(authSecret: string, purpose: "totp-secret" | "sign-in-challenge"): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "kaohsiung-policy-tracker", purpose, 32));
}

const FORMAT = "v1";

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url; the tag makes any change detectable. */
export function sealSecret(plain: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(authSecret, "totp-secret"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The sealed secret, or null when it was sealed with another key or altered. */
export function openSecret(sealed: string, authSecret: string): string | null {
  const [format, iv, tag, body] = sealed.split(".");
  if (format !== FORMAT || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFor(authSecret, "totp-secret"),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

/** An HMAC-SHA-256 of `payload` under the sign-in challenge key, base64url. */
export function signChallenge(payload: string, authSecret: string): string {
  return createHmac("sha256", keyFor(authSecret, "sign-in-challenge")).update(payload).digest("base64url");
}

export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
