export { createHttpApp, undeclaredRoutes, readJsonBody, listenHttp, throwAppError, type AppEnv, type HttpAppOptions, type ReadinessCheck, type RunningHttpServer } from "./app.js";
export { problemFromError, problemResponse, type Problem } from "./problem.js";
