// Reads an iCalendar file from stdin with Mozilla's ical.js (the parser of Thunderbird) and
// prints each event as JSON: uid, sequence, summary and the start in UTC (ISO 8601).
import ICAL from "ical.js";

let tekst = "";
for await (const stuk of process.stdin) tekst += stuk;
const kalender = new ICAL.Component(ICAL.parse(tekst));
for (const zone of kalender.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const events = kalender.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    start_utc: event.startDate.isDate ? null : event.startDate.toJSDate().toISOString(),
  };
});
process.stdout.write(JSON.stringify(events));
