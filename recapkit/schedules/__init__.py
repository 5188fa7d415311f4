"""Conference programmes (pretalx/frab JSON, frab XML, Sessionize "All data", iCalendar) read into
one neutral :class:`~recapkit.schedules.model.Programme`, selected and mapped onto a Recap."""
