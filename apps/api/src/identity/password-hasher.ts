import { Injectable } from '@nestjs/common';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with m = 19 MiB, t = 2, p = 1: the OWASP Password Storage Cheat Sheet's first
 * recommended setting. It costs a few tens of milliseconds per login on a small server — fine for
 * a few hundred people — and 19 MiB per guess makes GPU cracking of a stolen hash expensive.
 * Raise them together with the server; old hashes keep verifying (the PHC string carries them).
 */
const OPTIONS = { algorithm: 2 as Algorithm /* Argon2id (a const enum, not importable as a value) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordHasher {
  /** A hash of nothing anyone knows: verified against when the e-mail is unknown, so that both answers take as long. */
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash) {
      await this.verifyDummy(password);
      return false;
    }
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Same work as a real check, for an unknown e-mail. */
  async verifyDummy(password: string): Promise<void> {
    this.dummy ??= hash('carnet-de-projets-dummy-password', OPTIONS);
    await verify(await this.dummy, password).catch(() => false);
  }
}
