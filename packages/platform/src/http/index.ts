export { createHttpApp, undeclaredRoutes, readJsonBody, listenHttp, refuseInvalidInput, throwAppError, pageScope, type AppEnv, type HttpAppOptions, type RunningHttpServer } from "./app.js";
export { problemFromError, problemMessages, problemResponse, type Problem, type ProblemMessages, type ProblemOverride } from "./problem.js";
export { tracedFetch, type TracedFetchInit } from "./client.js";
