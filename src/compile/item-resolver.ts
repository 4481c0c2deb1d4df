import type { Location } from '../model/errors.js';
import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { recordColumns } from '../model/column-records.js';
import { didYouMean } from '../model/suggest.js';
import type { EconomyBase } from '../model/types.js';

/**
 * Resolves product references (`grain`, `grain@ukraine`) to located-product codes
 * `product * (regions + 1) + (region + 1)`, region −1 meaning "not located". A bare key takes the
 * product's own region if it has one, else the default region (the technique's or target's).
 * `report` records why a key names nothing; `fail()` throws all recorded issues.
 */
export class ItemResolver {
  readonly slots: number;
  readonly productRegion: Int32Array;
  private readonly caches: Map<string, number>[];
  readonly issues: Issue[] = [];

  constructor(
    readonly model: EconomyBase,
    readonly productIndex: ReadonlyMap<string, number>,
    readonly regionIndex: ReadonlyMap<string, number>,
  ) {
    this.slots = regionIndex.size + 1;
    const columns = recordColumns(model.products);
    if (columns !== undefined) {
      // Products kept as columns hold their region's index in the model's regions (regionIndex's order).
      this.productRegion = Int32Array.from(columns.region);
    } else {
      this.productRegion = new Int32Array(model.products.length).fill(-1);
      model.products.forEach((p, i) => {
        if (p.region !== undefined) this.productRegion[i] = regionIndex.get(p.region) ?? -1;
      });
    }
    this.caches = Array.from({ length: this.slots }, () => new Map<string, number>());
  }

  /** The code of `key` with default region `region` (−1 for none), or −1 if it names nothing (see `report`). */
  resolve(key: string, region: number): number {
    const cache = this.caches[region + 1];
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const code = this.resolveUncached(key, region);
    if (code >= 0) cache.set(key, code);
    return code;
  }

  /** `resolve`, recording an issue at `where()` when the key names nothing. */
  resolveOrReport(key: string, region: number, where: () => Location): number {
    const code = this.resolve(key, region);
    if (code < 0) this.report(key, where());
    return code;
  }

  /** Records why `key` names no located product. */
  report(key: string, location: Location): void {
    const at = key.indexOf('@');
    const name = at < 0 ? key : key.slice(0, at);
    const p = this.productIndex.get(name);
    if (p === undefined) {
      this.issues.push({ code: 'unknown-id', message: `unknown product "${name}"${didYouMean(name, this.productIndex.keys())}`, location, value: key });
      return;
    }
    const regionName = key.slice(at + 1);
    if (!this.regionIndex.has(regionName)) {
      this.issues.push({ code: 'unknown-id', message: `unknown region "${regionName}"${didYouMean(regionName, this.regionIndex.keys())}`, location, value: key });
      return;
    }
    this.issues.push({ code: 'region-mismatch', message: `product "${name}" is located in region "${this.model.products[p].region ?? ''}"`, location, value: key });
  }

  private resolveUncached(key: string, region: number): number {
    const at = key.indexOf('@');
    const p = this.productIndex.get(at < 0 ? key : key.slice(0, at));
    if (p === undefined) return -1;
    const own = this.productRegion[p];
    let r = own >= 0 ? own : region;
    if (at >= 0) {
      const q = this.regionIndex.get(key.slice(at + 1));
      if (q === undefined || (own >= 0 && q !== own)) return -1;
      r = q;
    }
    return p * this.slots + r + 1;
  }

  fail(): void {
    if (this.issues.length > 0) throw new InputError(this.issues);
  }
}
