export { buildServer, routesOf, BODY_LIMIT, type ServerOptions } from './build-server.js';
export { ApiError, type ApiIssue } from './api-error.js';
export { JobRunner, type JobContext, type JobTask, type JobView } from './job-runner.js';
export { openApiDocument, OPERATIONS } from './openapi.js';
export { applyOverrides, overrideSchema, type Override } from './overrides.js';
export { comparePlans, type PlanDoc } from './compare-plans.js';
export { enterprisePlan, type EnterpriseTask } from './enterprise-plan.js';
export { isLoopbackAddress, isLoopbackHost } from './is-loopback.js';
export { SERVICE_VERSION } from './routes/health-routes.js';
