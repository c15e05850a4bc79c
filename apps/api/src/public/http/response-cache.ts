import { Injectable } from '@nestjs/common';
import { ReadModels } from '../../shared/read-models.js';

interface Entry {
  position: number;
  body: string;
}

/**
 * Public answers computed once per read-model position: while no event has been projected, the same
 * address gets the same bytes without querying or rendering again. An LRU (insertion order of a Map)
 * bounded in entries and in characters, so that varied query strings cannot grow it without end.
 */
@Injectable()
export class PublicResponseCache {
  private readonly entries = new Map<string, Entry>();
  private static readonly MAX_ENTRIES = 500;
  private static readonly MAX_CHARS = 32 * 1024 * 1024;
  private chars = 0;

  constructor(private readonly readModels: ReadModels) {}

  async get(key: string, compute: () => Promise<string>): Promise<string> {
    // Read before computing: an event projected meanwhile only makes the entry stale sooner, never wrong.
    const position = this.readModels.position;
    const hit = this.entries.get(key);
    if (hit && hit.position === position) {
      this.entries.delete(key); // moved to the end: most recently used
      this.entries.set(key, hit);
      return hit.body;
    }
    const body = await compute();
    this.remove(key);
    this.entries.set(key, { position, body });
    this.chars += body.length;
    while (this.entries.size > PublicResponseCache.MAX_ENTRIES || this.chars > PublicResponseCache.MAX_CHARS) this.remove(this.entries.keys().next().value!);
    return body;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.chars -= entry.body.length;
    this.entries.delete(key);
  }
}
