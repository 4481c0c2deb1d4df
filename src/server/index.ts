export { buildServer, routesOf, BODY_LIMIT, LOG_LEVELS, type LogLevel, type ServerOptions } from './build-server.js';
export { ApiError, type ApiErrorBody, type ApiIssue } from './api-error.js';
export { REQUEST_ID_HEADER, requestIdOf } from './request-id.js';
export { JobRunner, type JobContext, type JobTask, type JobView } from './job-runner.js';
export { openApiDocument, OPERATIONS } from './openapi.js';
export { isLoopbackAddress, isLoopbackHost } from './is-loopback.js';
export { SERVICE_VERSION } from './routes/health-routes.js';
