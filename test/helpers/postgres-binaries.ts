import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What to do when PostgreSQL's server programs are missing (one sentence). */
export const INSTALL_POSTGRES =
  "PostgreSQL's server programs (initdb, pg_ctl) were not found: install them (Debian: apt-get install postgresql), or set PLENTY_POSTGRES_BIN to the folder holding them, or PLENTY_TEST_POSTGRES to the URL of a server the tests may create databases on";

const hasServer = (dir: string): boolean => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));

/** `pg_config --bindir`, when pg_config runs and names a folder. */
function pgConfigBindir(): string | undefined {
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = r.status === 0 ? r.stdout.trim() : '';
  return dir === '' ? undefined : dir;
}

/** Debian's layout: one `/usr/lib/postgresql/<major>/bin` per installed version; the newest first. */
function debianBindirs(): string[] {
  const root = join('/usr', 'lib', 'postgresql');
  let versions: string[];
  try {
    versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return [];
  }
  return versions.sort((a, b) => Number(b) - Number(a)).map((v) => join(root, v, 'bin'));
}

/**
 * The folder holding PostgreSQL's server programs (initdb, pg_ctl, postgres): PLENTY_POSTGRES_BIN
 * if set, else what `pg_config --bindir` names, else the newest of Debian's
 * `/usr/lib/postgresql/<major>/bin`, else the folder on PATH holding initdb. Throws the
 * INSTALL_POSTGRES sentence when none has them.
 */
export function postgresBindir(): string {
  const override = process.env.PLENTY_POSTGRES_BIN;
  if (override !== undefined && override !== '') {
    if (!hasServer(override)) throw new Error(`PLENTY_POSTGRES_BIN (${override}) holds no initdb and pg_ctl: ${INSTALL_POSTGRES}`);
    return override;
  }
  const fromPath = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const candidates = [pgConfigBindir(), ...debianBindirs(), ...fromPath];
  const found = candidates.find((d): d is string => d !== undefined && hasServer(d));
  if (found === undefined) throw new Error(INSTALL_POSTGRES);
  return found;
}
