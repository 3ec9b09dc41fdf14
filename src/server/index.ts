export { buildApp, defaultLimits, type AppOptions, type ServerLimits } from './app.js';
export { startServer, type ServeOptions, type RunningServer } from './start.js';
export { loadModelCatalogue, type ModelCatalogue } from './models.js';
export { canRead, canWrite } from './access.js';
export { HttpError, errorBody, type ErrorBody } from './http-error.js';
export { serverMessages, serverText, type ServerMessageCode } from './messages.js';
export { RateLimiter, type RateLimit } from './rate-limit.js';
export { EvaluationCache, observationSummary, type EvaluationView } from './evaluation.js';
export { ReportCache, reportViews, type ReportView } from './report.js';
