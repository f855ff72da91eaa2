/** The working-day calendar: civil dates in Asia/Shanghai, the holiday schedule and statutory clocks. */
export {
  CALENDAR_TIME_ZONE,
  addDays,
  civilDateOf,
  dayOfWeek,
  endOfCivilDate,
  isCivilDate,
  isWeekend,
  startOfCivilDate,
  toDayNumber,
  yearOf,
  type CivilDate,
} from "./civil-date.js";
export {
  EMPTY_SCHEDULE,
  buildHolidaySchedule,
  checkYearSchedule,
  isPublishedDate,
  newlyPublishedYears,
  withoutYears,
  type CalendarOverride,
  type HolidaySchedule,
  type OfficialCalendar,
  type OverrideKind,
  type ScheduleEntry,
  type YearPublication,
} from "./schedule.js";
export { OFFICIAL_SOURCE, officialCalendar } from "./official.js";
export {
  addCalendarDays,
  addWorkingDays,
  deadlineFor,
  isProvisionalBetween,
  isWorkingDay,
  recomputeProvisional,
  workingDaysBetween,
  type ClockedDeadline,
  type Deadline,
  type DeadlineChange,
  type LimitUnit,
  type Pause,
  type TimeLimit,
} from "./working-days.js";
