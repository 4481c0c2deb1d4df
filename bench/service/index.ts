// The service benchmark's helpers (the scripts are run.ts, the benchmark, and reference-server.ts).
export { checkStored, type StoredCheck } from './check-stored.js';
export { libraryReplan, type LibraryReplan } from './library-replan.js';
export { loadReports, type LoadReportsOptions, type LoadReportsResult, type Submitter } from './load-reports.js';
export { processCpuSeconds } from './process-cpu.js';
export { publishPlan, replanLatency, waitForJob, type ReplanLatency } from './replan-latency.js';
export { requestJson, type JsonResponse, type RequestJsonOptions } from './request-json.js';
export { sampleEnterprises, sampleReport, type ReportBody, type SampleEnterprise } from './sample-report.js';
export { sqliteInsertRate, type InsertRateOptions } from './sqlite-insert-rate.js';
export { startServer, type RunningServer, type StartServerOptions } from './start-server.js';
