export { openStore, dataDir, storePath, STORE_FILE, type OpenStoreOptions } from './open-store.js';
export { Store } from './store.js';
export { StoreDamagedError, isDamageError } from './store-damaged-error.js';
export { storeUnavailable } from './store-unavailable.js';
export { StoreFileError, type StoreFileProblem } from './store-file-error.js';
export { PLENTY_APPLICATION_ID, latestSchemaVersion } from './plenty-schema.js';
export type { StoreCheck, StoreInspection, StoreKind, IntegrityLevel } from './store-inspection.js';
export { checkStore, type StoreCheckResult } from './check-store.js';
export { backupStore, type BackupResult } from './backup-store.js';
export { restoreStore, type RestoreResult } from './restore-store.js';
export { migrate, schemaVersion, MIGRATIONS, type Migration } from './migrations.js';
export { hashToken, newToken } from './hash-token.js';
export { canonicalJson } from './canonical-json.js';
export { ModelsRepo } from './models-repo.js';
export { ScenariosRepo } from './scenarios-repo.js';
export { PlansRepo } from './plans-repo.js';
export { EnterprisesRepo } from './enterprises-repo.js';
export { TokensRepo } from './tokens-repo.js';
export { ReportsRepo } from './reports-repo.js';
export { AlertsRepo } from './alerts-repo.js';
export { JobsRepo } from './jobs-repo.js';
export type * from './types.js';
export type {
  PlentyStore,
  PlentyStoreKind,
  PlentyTransaction,
  PlentyRepositories,
  ModelsRepository,
  ScenariosRepository,
  PlansRepository,
  EnterprisesRepository,
  TokensRepository,
  ReportsRepository,
  AlertsRepository,
  JobsRepository,
} from './plenty-store.js';
export { SqliteStore, openSqliteStore } from './sqlite-store.js';
export { openPlentyStore, isPostgresUrl, redactUrl, type OpenPlentyStoreOptions } from './open-plenty-store.js';
export { openPostgresStore, type OpenPostgresStoreOptions } from './postgres/open-postgres-store.js';
export { PostgresStore } from './postgres/postgres-store.js';
export { migratePostgres, postgresSchemaVersion, POSTGRES_MIGRATIONS, type PostgresMigration } from './postgres/migrations.js';
