// Reads an iCalendar stream on stdin, parses it with ical.js and prints what a calendar app
// would show, as JSON. Any parse error exits non-zero with the message.
import ICAL from "ical.js";

let text = "";
for await (const chunk of process.stdin) text += chunk;

const calendar = new ICAL.Component(ICAL.parse(text));
const iso = (time) => (time ? (time.isDate ? time.toString() : time.toJSDate().toISOString()) : null);
const result = {
  name: calendar.getFirstPropertyValue("x-wr-calname"),
  version: calendar.getFirstPropertyValue("version"),
  events: calendar.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, summary: e.summary, location: e.location, description: e.description, start: iso(e.startDate), end: iso(e.endDate), allDay: e.startDate.isDate };
  }),
  todos: calendar.getAllSubcomponents("vtodo").map((c) => ({
    uid: c.getFirstPropertyValue("uid"),
    summary: c.getFirstPropertyValue("summary"),
    due: iso(c.getFirstPropertyValue("due")),
    status: c.getFirstPropertyValue("status"),
    priority: c.getFirstPropertyValue("priority"),
  })),
};
process.stdout.write(JSON.stringify(result));
