import type { StoreFileError } from './store-file-error.js';

/** One check of a store file: its name (file, header, marker, schema, integrity, tables, foreign-keys), outcome and what it found. */
export interface StoreCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What the file system says about a store file (inspectStoreFile). */
export interface StoreFileInspection {
  readonly checks: readonly StoreCheck[];
  readonly exists: boolean;
  readonly size: number;
  /** The first problem found, as the error to throw; absent when the file may be opened. */
  readonly error?: StoreFileError;
}

/**
 * What a store holds: a `new` one (no tables yet), a `plenty` store (marked with Plenty's
 * application id) or a `legacy` one (Plenty's tables, written before stores were marked).
 */
export type StoreKind = 'new' | 'plenty' | 'legacy';

/** What SQLite says about a store (inspectDatabase). */
export interface StoreInspection {
  readonly checks: readonly StoreCheck[];
  /** The first problem found, as the error to throw; absent when the store is sound. */
  readonly error?: StoreFileError;
  readonly kind?: StoreKind;
  readonly schemaVersion?: number;
}

/** How thoroughly to look: SQLite's quick_check (b-trees and pages) or its full integrity_check (also indexes against tables). */
export type IntegrityLevel = 'quick' | 'full';
