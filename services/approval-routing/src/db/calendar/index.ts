/** Storage of the working-day calendar: administrator overrides and year publications. */
export { loadSchedule, publishYear, type PublishYearResult } from "./schedule-store.js";
