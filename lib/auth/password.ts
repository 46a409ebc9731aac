import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (memory-hard; ~50 ms here), salted per password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function timingDecoy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("not a real password: timing decoy");
  return dummyHash.then((h) => verifyPassword(h, password));
}
