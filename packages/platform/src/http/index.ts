export { createHttpApp, authenticate, readJsonBody, listenHttp, throwAppError, type AppEnv, type HttpAppOptions, type RunningHttpServer } from "./app.js";
export { problemFromError, problemResponse, type Problem } from "./problem.js";
