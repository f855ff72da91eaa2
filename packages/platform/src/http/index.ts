export { createHttpApp, authenticate, readJsonBody, listenHttp, throwAppError, type AppEnv, type HttpAppOptions, type ReadinessCheck, type RunningHttpServer } from "./app.js";
export { problemFromError, problemMessages, problemResponse, type Problem, type ProblemMessages } from "./problem.js";
