import { parseEconomy } from '../model/parse-economy.js';
import type { Economy } from '../model/types.js';
import type { ModelRecord } from '../store/index.js';

/**
 * Parsed models by id and version (a stored version never changes, so entries never go stale).
 * Keeps the most recently used few: parsing a large model takes a while.
 */
export class EconomyCache {
  private readonly entries = new Map<string, Economy>();
  constructor(private readonly capacity = 8) {}

  get(model: ModelRecord): Economy {
    const key = `${model.id}\u0000${model.version}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const economy = parseEconomy(model.text, { file: `${model.id}.${model.format}`, format: model.format });
    this.entries.set(key, economy);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return economy;
  }
}
