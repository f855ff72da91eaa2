/** Storage of the working-day calendar: administrator overrides and year publications. */
export { loadPublications, loadSchedule, publishYear, type Publications, type PublishYearResult } from "./schedule-store.js";
