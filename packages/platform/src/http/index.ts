export { createHttpApp, authenticate, readJsonBody, listenHttp, throwAppError, type AppEnv, type HttpAppOptions, type RunningHttpServer } from "./app.js";
export { problemFromError, problemMessages, problemResponse, type Problem, type ProblemMessages } from "./problem.js";
export { tracedFetch, type TracedFetchInit } from "./client.js";
