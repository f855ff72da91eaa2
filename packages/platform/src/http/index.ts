export { createHttpApp, authenticate, readJsonBody, undeclaredRoutes, listenHttp, throwAppError, type AppEnv, type HttpAppOptions, type ReadinessCheck, type RunningHttpServer } from "./app.js";
export { problemFromError, problemResponse, type Problem, type ProblemOverride } from "./problem.js";
