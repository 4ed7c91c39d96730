//! Rendering for people: reports, papers and the reporting calendar. Every piece of user text is
//! escaped for its output format.

pub mod ical;
