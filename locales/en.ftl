# Ramp's words in English. One message per key; `xtask test` checks that every catalogue has
# the same keys as this one and that every key is used.

## How numbers and dates are written
number-decimal = .
number-group = ,
percent = { $n }%
month-label = { $month } { $year }
week-label = Week { $week }, { $year }
date-label = { $day } { $month } { $year }
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

## The app's frame
skip-to-content = Skip to content
settings = Settings
opening-data = Opening your data…
cannot-open-data = Ramp cannot open its data on this device

## The save and sync chip
saved-on-device = Saved on this device
saving = Saving…
not-saved = Not saved
conflicts-to-resolve = { $count ->
    [one] { $count } conflict to resolve
   *[other] { $count } conflicts to resolve
}
changes-refused = { $count ->
    [one] { $count } change refused
   *[other] { $count } changes refused
}
changes-waiting = { $count ->
    [0] nothing waiting to send
    [one] { $count } change not sent yet
   *[other] { $count } changes not sent yet
}
on-this-device-only = On this device only
syncing = Syncing…
sync-offline = Offline: { $waiting }
sync-sign-in-again = Sign in again · { $waiting }
sync-local-team-waiting = Local team to move (Settings) · { $waiting }
sync-failed = Sync failed · { $waiting }
not-synced-yet = Not synced yet
synced-at = Synced at { $time }

## Errors
error-storage-unavailable = This browser is not letting Ramp keep data on the device. Leave private browsing, or allow site data for this site, then reload.
error-storage-full = The device's storage is full, so this change was not saved. Free some space (Settings shows how much Ramp uses), then try again: what you typed is still here.
error-storage-failed = The device's storage refused the change ({ $name }). What you typed is still here; try again.
error-offline = No connection to the server: your changes wait on this device.
error-sign-in-needed = Sign in again to send your changes: they wait safely on this device.
error-refused = The server said: { $reason }.
error-server-failed = The server could not take the changes ({ $what }); they wait on this device.
error-local-team-waiting = Your team from before signing in waits: move it into your team in Settings.
error-device-clash = This browser shares its identity with another device; Ramp is giving it a new one.
error-file = The browser could not save or read the file. Try again.

## Settings
language = Language
language-choice = Ramp speaks
language-hint = Ramp follows the browser's language until you choose one here. The choice is kept on this device.
device-counts = { $teams }, { $cycles }, { $changes ->
    [one] { $changes } change
   *[other] { $changes } changes
} not yet on a server
data-on-device = Data on this device
asking-browser = Asking the browser…
storage-kept = Kept: the browser has promised not to clear Ramp's data when space runs low.
storage-not-kept = Not yet kept: the browser may clear Ramp's data if the device runs out of space.
keep-data = Keep Ramp's data on this device
this-device = This device
device-id = Device id:
password-changed = Your password is changed. { $count ->
    [one] { $count } other device was
   *[other] { $count } other devices were
} signed out.
change-password = Change your password
change-password-button = Change password
current-password = Current password
new-password = New password (10 characters or more)
usage-of-quota = Using { $usage } of { $quota } available to Ramp.
usage = Using { $usage }.
usage-unknown = The browser does not say how much space Ramp uses.
gigabytes = { $n } GB
megabytes = { $n } MB
kilobytes = { $n } kB
bytes = { $n } bytes
import-backup = Import a team backup
import-backup-hint = A backup file downloaded from a team's page. It adds what this device lacks and fills blank fields; it never overwrites what is here.
backup-file = Backup file (JSON)
import = Import
choose-backup-first = Choose a backup file first.
import-nothing-new = Nothing new: this device already had everything in the backup.
import-filled = Filled { $count ->
    [one] { $count } blank field
   *[other] { $count } blank fields
} on this device.
imported = Imported { $what }.
import-kept = { $count ->
    [one] { $count } value
   *[other] { $count } values
} on this device differ from the backup and were kept as they are.
import-skipped = { $count ->
    [one] { $count } part of the file was
   *[other] { $count } parts of the file were
} left out:
open-the-team = Open the team

## Counts of records
count-team = { $count ->
    [one] { $count } team
   *[other] { $count } teams
}
count-aim = { $count ->
    [one] { $count } aim
   *[other] { $count } aims
}
count-measure = { $count ->
    [one] { $count } measure
   *[other] { $count } measures
}
count-datapoint = { $count ->
    [one] { $count } data point
   *[other] { $count } data points
}
count-driver = { $count ->
    [one] { $count } driver
   *[other] { $count } drivers
}
count-change_idea = { $count ->
    [one] { $count } change idea
   *[other] { $count } change ideas
}
count-cycle = { $count ->
    [one] { $count } PDSA cycle
   *[other] { $count } PDSA cycles
}
count-report = { $count ->
    [one] { $count } monthly report
   *[other] { $count } monthly reports
}
count-comment = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
}
count-collaborative = { $count ->
    [one] { $count } collaborative
   *[other] { $count } collaboratives
}
count-session = { $count ->
    [one] { $count } calendar event
   *[other] { $count } calendar events
}
count-measure_def = { $count ->
    [one] { $count } common measure
   *[other] { $count } common measures
}

## Signing in
sign-in = Sign in
sign-in-lead = Sign in once, with a connection, to share your team's work. After that Ramp works offline and sends changes when it can.
email = Email
password = Password
joining-a-team = Joining a team?
joining-hint = Use the invite code your team lead or coach gave you.
join-the-team = Join the team
invite-code = Invite code
your-name = Your name
choose-password = Choose a password (10 characters or more)
forgot-password = Forgot your password?
forgot-password-hint = Ask your collaborative's faculty for a reset code, then choose a new password here. It signs you out on every other device.
set-new-password = Set the new password
reset-code = Reset code
please-wait = Please wait…

## The worksheets' fields (ramp_core::schema::keys: a check keeps these the schema's words)
section-about = The cycle
section-plan = Plan
section-do = Do
section-study = Study
section-act = Act
section-aim = What are we trying to accomplish?
section-measure = The measure
section-definition = Operational definition
section-goal = Baseline and goal
section-collection = Collecting the data
section-chart = The chart
section-point = Data point
section-driver = The driver
section-idea = The change idea
section-report = This month
section-self-score = The team's assessment
section-review = Faculty or coach's assessment
section-comment = Comment
section-collaborative = The collaborative
section-session = Calendar event
section-common = Common measure
section-proposal = For the change package
section-storyboard = For the learning session
section-sharing = Switch sharing on or off
field-team-name = Team name
field-team-name-hint = As the collaborative knows you, e.g. “Ward 7 Falls Team”.
field-team-name-required = Give the team a name, so its members can find it.
field-team-organization = Organization
field-team-site = Site
field-team-site-hint = Ward, clinic or unit.
field-aim-what = What will improve
field-aim-what-hint = In a few words, e.g. “reduce falls with harm”, “same-day appointments”.
field-aim-how_much = How much (a number)
field-aim-how_much-hint = e.g. 50
field-aim-unit = …of what
field-aim-unit-hint = e.g. “% fewer”, “% of patients”, “days or less”.
field-aim-by_when = By when
field-aim-by_when-hint = A date, not “soon”.
field-aim-population = For whom
field-aim-population-hint = The patients or people, e.g. “adults over 65”.
field-aim-place = Where
field-aim-place-hint = Ward, clinic, service.
field-aim-baseline = Where you start
field-aim-baseline-hint = e.g. “9 falls per 1,000 bed days in 2025”.
field-aim-statement = Aim statement
field-aim-statement-hint = One sentence the whole team can repeat: how much, by when, for whom.
field-measure-name = Measure name
field-measure-name-hint = e.g. “Falls per 1,000 bed days”.
field-measure-name-required = Give the measure a name, so the team can find it.
field-measure-measure_type = Kind of measure
field-measure-measure_type-hint = Outcome: the result; process: the work; balancing: what else might suffer.
field-measure-measure_type-required = Say whether it is an outcome, process or balancing measure.
field-measure-measure_type-is-outcome = Outcome
field-measure-measure_type-is-process = Process
field-measure-measure_type-is-balancing = Balancing
field-measure-value_type = How it is calculated
field-measure-value_type-required = Say how the measure is calculated, so its data can be entered.
field-measure-value_type-is-proportion = Percentage: numerator ÷ denominator
field-measure-value_type-is-rate = Rate: numerator per N of denominator
field-measure-value_type-is-count = Count of events
field-measure-value_type-is-continuous = Measurement: time, score, weight…
field-measure-frequency = How often
field-measure-frequency-is-monthly = Monthly
field-measure-frequency-is-weekly = Weekly
field-measure-direction = Improvement means
field-measure-direction-is-up = Higher is better
field-measure-direction-is-down = Lower is better
field-measure-definition = Operational definition
field-measure-definition-hint = Exactly what counts and what does not, so anyone would get the same number.
field-measure-numerator = Numerator
field-measure-numerator-hint = What is counted, e.g. “patients screened”.
field-measure-denominator = Denominator
field-measure-denominator-hint = Out of what, e.g. “patients admitted”.
field-measure-rate_per = Rate per
field-measure-rate_per-hint = For rates: e.g. 1000 for “per 1,000 bed days”.
field-measure-unit = Unit
field-measure-unit-hint = e.g. minutes, falls per 1,000 bed days.
field-measure-baseline = Baseline
field-measure-baseline-hint = Where the measure starts, in its unit.
field-measure-goal = Goal
field-measure-goal-hint = Where the aim says it should get to.
field-measure-chart = Chart
field-measure-chart-hint = A run chart to start; a control chart once there are 20 points.
field-measure-chart-is-run = Run chart
field-measure-chart-is-spc = Control chart (SPC) for the measure's type
field-measure-chart-is-i = I chart (individual measurements)
field-measure-chart-is-t = T chart (days between rare events)
field-measure-chart-is-g = G chart (cases between rare events)
field-measure-chart-is-c = C chart (counts)
field-measure-chart-is-p = P chart (percentages)
field-measure-chart-is-pp = P′ chart (percentages, large denominators)
field-measure-chart-is-u = U chart (rates)
field-measure-chart-is-up = U′ chart (rates, large denominators)
field-measure-rules = Rules for signals
field-measure-rules-is-ihi = IHI rules (run charts) · Shewhart rules (control charts)
field-measure-rules-is-anhoej = Anhøj rules (with points beyond limits on control charts)
field-measure-rules-is-mdc = Making Data Count rules (NHS England; control charts)
field-measure-two_sigma = 2-sigma lines
field-measure-two_sigma-hint = On control charts: also draw lines two thirds of the way to each limit.
field-measure-two_sigma-is-no = No
field-measure-two_sigma-is-yes = Yes, draw them
field-measure-freeze = Freeze the baseline after this many points
field-measure-freeze-hint = The centre line and limits of the first points are extended forward. Leave empty to use all points.
field-measure-freeze_reason = Why the baseline is frozen
field-measure-phases = Phase breaks
field-measure-phases-hint = Where the process changed: the centre line and limits are recomputed from there.
field-measure-phases-row = phase break
field-measure-phases-col-from = From (month, YYYY-MM, or week's Monday)
field-measure-phases-col-reason = Reason
field-measure-collect_who = Who collects it
field-measure-collect_how = How
field-measure-collect_how-hint = Source, sampling, tally sheet…
field-measure-collect_when = When
field-measure-collect_when-hint = e.g. “every Monday for the week before”.
field-measure-common = Common measure
field-measure-common-hint = The collaborative's common measure this measure reports, if any.
field-datapoint-measure = Measure
field-datapoint-measure-required = Pick the measure this data belongs to.
field-datapoint-period = Period
field-datapoint-period-required = Say which month or week this is.
field-datapoint-numerator = Numerator
field-datapoint-denominator = Denominator
field-datapoint-value = Value
field-datapoint-note = Note
field-datapoint-note-hint = Anything that explains this point.
field-datapoint-astronomical = Astronomical point?
field-datapoint-astronomical-hint = A value everyone would agree is highly unusual. It is marked on the run chart.
field-datapoint-astronomical-is-no = No
field-datapoint-astronomical-is-yes = Yes, clearly unusual
field-datapoint-exclude = Leave out of the calculations?
field-datapoint-exclude-hint = For a point you know has another cause (a data error, a one-off event): it stays on the chart, marked, but the centre line, limits and rules leave it out.
field-datapoint-exclude-is-no = No, use it
field-datapoint-exclude-is-yes = Yes, leave it out
field-datapoint-exclude_reason = Why it is left out
field-datapoint-exclude_reason-hint = Said beside the point on the chart.
field-driver-level = Level
field-driver-level-required = Say whether this is a primary or a secondary driver.
field-driver-level-is-primary = Primary driver
field-driver-level-is-secondary = Secondary driver
field-driver-text = Driver
field-driver-text-hint = What must be in place to reach the aim.
field-driver-text-required = Write the driver.
field-driver-links = Primary drivers it serves
field-driver-links-hint = For a secondary driver: which primary drivers it feeds.
field-change_idea-text = Change idea
field-change_idea-text-hint = A change to test, e.g. “safety huddle at shift change”.
field-change_idea-text-required = Write the change idea.
field-change_idea-description = Description
field-change_idea-description-hint = What the change is and where it comes from.
field-change_idea-drivers = Secondary drivers it works on
field-change_idea-source = Adopted from
field-change_idea-source-hint = The collaborative's change idea this team's idea was adopted from, if any.
field-change_idea-proposed = Propose it for the change package?
field-change_idea-proposed-hint = When it works for you, faculty can add it to the collaborative's change package for every team, with your team named as where it came from.
field-change_idea-proposed-is-no = No
field-change_idea-proposed-is-yes = Yes, propose it
field-change_idea-origin = Came from
field-change_idea-origin-hint = The team's change idea a package idea was accepted from.
field-change_idea-origin_team = Came from the team
field-cycle-title = Cycle title
field-cycle-title-hint = A few words the team will recognise in the list.
field-cycle-title-required = Give the cycle a title, so the team can find it in the list.
field-cycle-change_idea = Change idea tested
field-cycle-change_idea-hint = The change this cycle tests, from the team's change ideas.
field-cycle-change_idea-required = Pick the change idea: every PDSA cycle tests a change.
field-cycle-previous = Follows the cycle
field-cycle-previous-hint = The cycle this one builds on, if it is the next step of a ramp.
field-cycle-measure = Measure it should move
field-cycle-measure-hint = Which of the team's measures should show the change.
field-cycle-objective_type = Objective of this cycle
field-cycle-objective_type-is-collect_data = Collect data
field-cycle-objective_type-is-develop = Develop a change
field-cycle-objective_type-is-test = Test a change
field-cycle-objective_type-is-implement = Implement a change
field-cycle-objective_type-is-spread = Spread a change
field-cycle-objective = Objective
field-cycle-objective-hint = What this cycle is meant to find out or achieve.
field-cycle-scale = Scale of the test
field-cycle-scale-hint = Start small: one patient, one clinician, one day.
field-cycle-start = Start date
field-cycle-end = End date
field-cycle-predictions = Questions and predictions
field-cycle-predictions-hint = What do you want to learn, and what do you predict will happen?
field-cycle-predictions-row = question
field-cycle-predictions-col-question = Question
field-cycle-predictions-col-prediction = Prediction
field-cycle-tasks = Tasks to run the test
field-cycle-tasks-hint = What needs doing, by whom, when and where.
field-cycle-tasks-row = task
field-cycle-tasks-col-what = What
field-cycle-tasks-col-who = Who
field-cycle-tasks-col-when = When
field-cycle-tasks-col-where = Where
field-cycle-data_plan = Plan for collecting data
field-cycle-data_plan-hint = Who collects what, when and how.
field-cycle-ran_as_planned = Was the cycle carried out as planned?
field-cycle-ran_as_planned-is-yes = Yes
field-cycle-ran_as_planned-is-partly = Partly
field-cycle-ran_as_planned-is-no = No
field-cycle-observations = What did you observe?
field-cycle-problems = Problems and surprises
field-cycle-matched_predictions = Did the results match your predictions?
field-cycle-matched_predictions-is-yes = Yes
field-cycle-matched_predictions-is-partly = Partly
field-cycle-matched_predictions-is-no = No
field-cycle-comparison = Compare the results with your predictions
field-cycle-learning = What did you learn?
field-cycle-decision = Decision
field-cycle-decision-hint = Adapt, adopt or abandon the change.
field-cycle-decision-is-adapt = Adapt
field-cycle-decision-is-adopt = Adopt
field-cycle-decision-is-abandon = Abandon
field-cycle-next_steps = Next steps and next cycle
field-report-month = Month
field-report-month-required = Say which month this report covers.
field-report-progress = Progress this month
field-report-progress-hint = What the team did and what moved.
field-report-achievements = Achievements
field-report-achievements-hint = What went well; what you are proud of.
field-report-barriers = Barriers
field-report-barriers-hint = What got in the way.
field-report-help_needed = Help needed
field-report-help_needed-hint = What you would like from faculty, your coach or other teams.
field-report-self_score = Where the team is on the assessment scale
field-report-self_score-hint = Your own view of where the team stands this month.
field-report-self_score-is-0_5 = 0.5 — Intent to participate: the team has signed up and formed, nothing more yet.
field-report-self_score-is-1_0 = 1.0 — Team formed, goal set: the team has an aim and has started planning.
field-report-self_score-is-1_5 = 1.5 — Planning for the project has begun: research and discussion, no changes tested yet.
field-report-self_score-is-2_0 = 2.0 — Activity, but no changes: measures are reported and the first PDSA cycles are being planned.
field-report-self_score-is-2_5 = 2.5 — Changes tested, but no improvement: cycles are under way, the measures have not moved yet.
field-report-self_score-is-3_0 = 3.0 — Modest improvement: tests have led to changes; process measures show some improvement.
field-report-self_score-is-3_5 = 3.5 — Improvement: process measures keep improving and outcome measures begin to move.
field-report-self_score-is-4_0 = 4.0 — Significant improvement: half the aim's goals are met; outcome measures show sustained improvement.
field-report-self_score-is-4_5 = 4.5 — Sustainable improvement: most goals met for three months or more; spreading has begun.
field-report-self_score-is-5_0 = 5.0 — Outstanding sustainable results: every goal of the aim is met and held; changes spread.
field-report-faculty_score = Score from faculty or the coach
field-report-faculty_score-hint = Faculty's or the coach's view of the same month.
field-report-faculty_score-is-0_5 = 0.5 — Intent to participate: the team has signed up and formed, nothing more yet.
field-report-faculty_score-is-1_0 = 1.0 — Team formed, goal set: the team has an aim and has started planning.
field-report-faculty_score-is-1_5 = 1.5 — Planning for the project has begun: research and discussion, no changes tested yet.
field-report-faculty_score-is-2_0 = 2.0 — Activity, but no changes: measures are reported and the first PDSA cycles are being planned.
field-report-faculty_score-is-2_5 = 2.5 — Changes tested, but no improvement: cycles are under way, the measures have not moved yet.
field-report-faculty_score-is-3_0 = 3.0 — Modest improvement: tests have led to changes; process measures show some improvement.
field-report-faculty_score-is-3_5 = 3.5 — Improvement: process measures keep improving and outcome measures begin to move.
field-report-faculty_score-is-4_0 = 4.0 — Significant improvement: half the aim's goals are met; outcome measures show sustained improvement.
field-report-faculty_score-is-4_5 = 4.5 — Sustainable improvement: most goals met for three months or more; spreading has begun.
field-report-faculty_score-is-5_0 = 5.0 — Outstanding sustainable results: every goal of the aim is met and held; changes spread.
field-report-faculty_note = Why this score
field-report-faculty_note-hint = A line for the team on what the score rests on.
field-report-learned = What we learned
field-report-learned-hint = For the storyboard of the learning session in this month: what your tests taught you.
field-report-next = What's next
field-report-next-hint = For the storyboard: what you will test or spread in the next action period.
field-comment-target = On
field-comment-target-required = Say what the comment is about.
field-comment-text = Comment
field-comment-text-required = Write the comment.
field-collaborative-name = Name of the collaborative
field-collaborative-name-hint = e.g. “Safer Wards 2027”.
field-collaborative-name-required = Give the collaborative a name, so teams can recognise it.
field-collaborative-topic = Topic
field-collaborative-topic-hint = e.g. “Reducing falls with harm”.
field-collaborative-aim = The collaborative's aim
field-collaborative-aim-hint = How much, by when, for whom, across all teams.
field-collaborative-start = Starts
field-collaborative-end = Ends
field-collaborative-sharing = Share between teams
field-collaborative-sharing-hint = When on, members and coaches read (never change) the other teams' aims, measures, change ideas and cycles, and can comment on them.
field-collaborative-sharing-is-off = Off: each team sees only its own work
field-collaborative-sharing-is-on = On: teams read each other's aims, measures, ideas and cycles
field-session-session_type = Event
field-session-session_type-required = Say what kind of event this is.
field-session-session_type-is-expert_meeting = Expert meeting
field-session-session_type-is-learning_session = Learning session
field-session-session_type-is-action_period = Action period
field-session-session_type-is-outcomes_congress = Outcomes congress
field-session-number = Number
field-session-number-hint = e.g. 2 for learning session 2.
field-session-start = Starts
field-session-start-required = Give the date it starts.
field-session-end = Ends
field-session-place = Where
field-session-place-hint = A venue, or “online”.

## What is wrong with a value (ramp_core::schema::Issue::code)
issue-required = Fill this in.
issue-too_long = This is too long: keep it under { $max } characters.
issue-too_many_rows = This has too many rows: keep it to { $max }.
issue-not_a_date = This is not a date: use the date picker or write it as YYYY-MM-DD.
issue-end_before_start = The end date is before the start date.
issue-not_a_choice = Pick one of the choices offered.
issue-wrong_type = This value has the wrong type for this field.
issue-unknown_field = This kind of record has no such field.
issue-bad_scope = This record does not belong where it says it does.
issue-not_a_number = This is not a number: write it with digits, like 12 or 3{ $decimal }5.
issue-fraction = Write fractions as decimals: 0{ $decimal }5 for a half, 2{ $decimal }25 for two and a quarter.
issue-exponent = Write the number in full, like 1000.
issue-grouping = Group thousands in threes, or write the number without separators (1250).
issue-out_of_range_from = This cannot be negative or above { $max }. Use at least { $min }.
issue-out_of_range = This cannot be negative or above { $max }.
issue-out_of_range_between = Use a number between { $min } and { $max }.
issue-not_whole = This is a count: use a whole number.
issue-not_a_period = This is not a month or a week: pick one from the calendar.
issue-not_a_link = This link does not point to a record: pick one from the list.
issue-above_hundred = The numerator is larger than the denominator: a percentage cannot be above 100 %.
issue-zero_denominator = The denominator is 0: nothing to divide by. Check the count.
issue-missing_number = Enter the { $what ->
    [numerator] numerator
    [denominator] denominator
    [count] count
   *[value] value
}.
issue-faculty_only = Only the collaborative's faculty can change this.
issue-reviewers_only = Only the collaborative's faculty or the team's coach can score this.
issue-comment_written = A comment cannot be changed once written; add another one.
issue-not_a_month = Reports are monthly: pick a month.
issue-not_yours = You cannot change this team's worksheets.
issue-derived_id = This record's id belongs to another record (its team, kind, month, measure or source differ).
issue-too_many_siblings = This field already holds { $max } conflicting values: resolve the conflict, then write it again.
issue-no_longer_on_team = You are no longer on this team: the collaborative's faculty removed you, so this change was not sent.
issue-clock_ahead = This device's clock is more than { $hours } hours ahead of the server's: set the date and time, then save again.

## Fields
choose-option = — choose —
nothing-to-link = Nothing to link to yet.
required = (required)
characters-of = { $count } of { $max } characters
remove-row = Remove { $row } { $number }
add-row = Add a { $row }

## Signals on charts (ramp_core::chart::Signal)
meaning-improvement = Improvement
meaning-deterioration = Deterioration
meaning-change = Change (direction unclear)
centre-median = the median
centre-mean = the mean
centre-name-median = median
centre-name-mean = mean
signal-with-meaning = { $meaning }: { $signal }
no-signal = No signal
signal-shift = Shift: { $points } points { $side ->
    [above] above
   *[below] below
} { $centre } from { $from } to { $to }
signal-trend = Trend: { $points } points { $way ->
    [up] rising
   *[down] falling
} from { $from } to { $to }
signal-few-runs = Too few runs: { $runs } runs in { $points } points (at least { $lower } expected)
signal-many-runs = Too many runs: { $runs } runs in { $points } points (at most { $upper } expected)
signal-long-run = Unusually long run: { $points } points { $side ->
    [above] above
   *[below] below
} { $centre } from { $from } to { $to } (longest expected: { $max })
signal-few-crossings = Too few crossings: { $crossings } in { $points } points (at least { $min } expected)
signal-two-of-three = 2 of 3 points near the { $side ->
    [upper] upper
   *[lower] lower
} limit (outer third) from { $from } to { $to }
signal-hugging = { $points } points in a row close to { $centre } (inner third) from { $from } to { $to }
signal-astronomical = Astronomical point (marked by the team): { $at }
signal-beyond = { $side ->
    [upper] Above the upper limit
   *[lower] Below the lower limit
}: { $at }
centre-line-words = Centre line ({ $centre }){ $when ->
    [now] {" "}now
   *[always] {""}
}: { $value }
limits-words = Control limits{ $when ->
    [now] {" "}now
   *[always] {""}
}: lower { $lower }, upper { $upper }

## Measures' values
rate-per = { $value } per { $per }
value-with-unit = { $value } { $unit }
latest-value = { $value } · { $period }
no-data-yet = No data yet

## Entering a measure's data
saved-point = Saved { $period }: { $value }
numerator-denominator = Numerator: { $numerator }. Denominator: { $denominator }.
enter-this-week = Enter this week's data
enter-this-month = Enter this month's data
enter-data-for = Enter data for { $period }
enter-data = Enter data
back-to-this-week = Back to this week
back-to-this-month = Back to this month
entry-week = Week (any day of it)
entry-month = Month
period-has-data = { $period } has data: you are correcting it.
period-no-data = { $period }: no data yet.
leave-point-out = Leave this point out of the calculations…
save = Save
data = Data
no-data-yet-sentence = No data yet.
period = Period
value = Value
edit = Edit
edit-period = Edit { $period }

## A team's pages
crumb-teams = Teams
nav-label = The team's worksheets
nav-overview = Overview
nav-aim = Aim
nav-measures = Measures
nav-drivers = Drivers & ideas
nav-cycles = PDSA cycles
nav-reports = Reports
nav-storyboard = Storyboard
nav-activity = Activity
nav-people = People
removed-title = You are no longer on this team
removed-text = The collaborative's faculty removed you from it. This device keeps what it has of the team for you to read, and receives nothing more.
removed-unsent-before = Changes you had not sent are not lost: they are listed in{" "}
removed-unsent-after = , with the reason, to copy or download.
other-team-title = Another team's work
other-team-text = Your collaborative shares its teams' work, so you can read this team's aim, measures, change ideas and cycles, and comment on them. Only the team changes them.
sharing-ended-title = Sharing has ended
sharing-ended-text = The collaborative's faculty stopped sharing between teams. This device keeps what it received of this team until then, for you to read; nothing new arrives, and you can no longer comment.
print-as-of = Data as of { $when } (this device's last sync)
print-as-of-unsynced = Data on this device as of { $when }; not synced since it was opened, so other devices' changes may be missing
day-and-time = { $day } { $month } { $time }
clock-ahead = { $when } (that device's clock is ahead)
title-cycles = { $team } · PDSA cycles
start-cycle = Start a PDSA cycle
newest-shown = , the newest { $count } shown
show-older-cycles = Show older cycles

## Starting a cycle
new-idea-option = + A new change idea…
new-idea = New change idea
new-idea-hint = It joins the team's change ideas; link it to drivers later.
back-to-team = Back to the team
next-cycle-lead = The next cycle of the ramp: what will you change, and how much bigger is the test?
new-cycle-lead = Name the test and the change it tries. Plan, Do, Study and Act can be filled in later.
start-the-cycle = Start the cycle

## Home
your-teams = Your teams
open-dashboard = Open the dashboard
collaboratives = Collaboratives
welcome = Welcome to Ramp
welcome-lead = Plan, run and learn from PDSA cycles with your team, on this device, with or without a signal.
team-after-sync = Your team appears here after the first sync with the server.
start-by-naming = Start by naming your team.
add-another-team = Add another team
create-your-team = Create your team
create-team = Create team
part-of-collab = Part of a collaborative?
sign-in-or-join = Sign in or join your team
unread-comments = { $count ->
    [one] { $count } unread comment
   *[other] { $count } unread comments
}
joined-team = You have joined the team: it appears here after the sync.
already-on-team = You are on this team already, in that role: nothing changed.
name-the-collab = Give the collaborative a name.
collab-started = Started: it opens once it has synced.
join-or-start = Join another team, or start a collaborative
join = Join
new-collab-name = Name of a new collaborative (you will be its faculty)
start-it = Start it
cycle-tab = Cycle

## The aim's coaching (ramp_core::aim; a check keeps these as ramp_core::aim::English has them)
aim-gap-what = What will improve? Name it: “falls with harm”, “waiting time”.
aim-gap-number = How much? “Some” is not a number: give one, e.g. 50 (% fewer).
aim-gap-date = By when? “Soon” is not a time: give a date.
aim-gap-population = For whom? Name the patients or people, e.g. “adults over 65 on wards 5–7”.
aim-gap-vague = The statement says “{ $word }”: say exactly how much and by when instead.
aim-vague-words = some, soon, more, better, fewer, less, asap, eventually, improve
aim-vague-always = soon, some, asap, eventually
aim-change-verbs = reduce, cut, lower, decrease, halve, increase, raise, improve, grow, double
aim-comparatives = fewer, less, lower, more, higher, greater
aim-by-date = By { $date },
aim-change-by = { $what } by { $amount }
aim-change-to = { $what } to { $amount }
aim-comparative = { $amount } { $what }
aim-at = { $what } at { $amount }
aim-amount = { $number } { $unit }
aim-for = for { $population }
aim-in = in { $place }

## A cycle's stage and prompts (ramp_core::cycle)
stage-plan = Plan
stage-do = Do
stage-study = Study
stage-act = Act
stage-done-adapted = Done: adapted
stage-done-adopted = Done: adopted
stage-done-abandoned = Done: abandoned
prompt-no-prediction = Write a question and your prediction before you run the test: a test without a prediction teaches little.
prompt-questions-without-prediction = { $count ->
    [one] Question { $numbers } has
   *[other] Questions { $numbers } have
} no prediction yet: predict before Do.
prompt-no-scale = Say how small the first test is: one patient, one clinician, one day.
prompt-big-first-test = A first test works best small: try it once before trying it everywhere.
prompt-no-measure = Which measure should this change move? Link one, so its chart shows the cycle.
prompt-next-cycle = You chose Adapt: plan the next cycle of this ramp.
cycle-big-scale-words = all, every, everyone, whole, entire, hospital
cycle-word = cycle

team-read-only = You can read this team's work; only its members change it.
no-aim-yet = No aim yet: what are you trying to accomplish?
aim-things-missing = { $count ->
    [one] { $count } thing
   *[other] { $count } things
} still missing —
finish-the-aim = finish the aim
no-measures-yet = No measures yet: how will you know a change is an improvement?
active-ramps = Active ramps
no-ramp = No ramp under way. Each change idea's cycles form its ramp.
cycles-count = { $count ->
    [one] { $count } cycle
   *[other] { $count } cycles
}
recent-cycles = Recent PDSA cycles
backup = Backup
backup-hint = A copy of the whole team to keep, or to bring into another device (Settings → Import).
download-backup = Download backup (JSON)
download-csv = Download measure data (CSV)
enter-this-month-of = Enter this month's data: { $measure }
no-cycles-yet = No cycles yet. A first cycle can be tiny: one patient, one clinician, one day.

read-only-collab = You can read the collaborative's records; only its faculty change them.
read-only-removed = You are no longer on this team: you can read what this device holds, and change nothing.
read-only-other-team = Another team's work, shared in your collaborative: you can read it and comment; only its members change it.
read-only-sharing-ended = Sharing has ended: this device keeps what it received of this team until then, and gets nothing new.
read-only-team = You can read this team's worksheets; only its members change them.
deleted-while-changed = This { $kind ->
    [cycle] cycle
    [measure] measure
    [driver] driver
    [change_idea] change idea
   *[other] record
} was deleted on one device while it was being changed on another.
keep-it = Keep the { $kind ->
    [cycle] cycle
    [measure] measure
    [driver] driver
    [change_idea] change idea
   *[other] record
}
delete-it = Delete it
delete-this = Delete this { $kind ->
    [cycle] cycle
    [measure] measure
    [driver] driver
    [change_idea] change idea
   *[other] record
}
delete-this-ask = Delete this { $kind ->
    [cycle] cycle
    [measure] measure
    [driver] driver
    [change_idea] change idea
   *[other] record
} for the whole team?
someone = Someone

print-cycle = PDSA worksheet
for-a-strong-pdsa = For a strong PDSA
parts-of-worksheet = Parts of the worksheet
plan-next-cycle = Plan the next cycle
recall-title = What you planned to learn, and predicted
recall-empty = The Plan has no questions or predictions: add them under Plan to compare with.
no-question = (no question)
predicted = Predicted:
no-prediction = (no prediction)

title-team-page = { $team } · { $page }
print-aim = Aim worksheet
before-aim-complete = Before this aim is complete
aim-complete = ✓ The aim says how much, by when and for whom.
suggested-wording = Suggested wording from the parts above:
use-this-wording = Use this wording
measures-lead = How will you know that a change is an improvement? Outcome, process and balancing measures.
no-measures-sentence = No measures yet.
add-a-measure = Add a measure
add-the-measure = Add the measure
title-measure = Measure: { $name }
print-measure = Measure worksheet
cycles-for-measure = PDSA cycles for this measure
definition = Definition
two-values = two values
title-idea = Change idea: { $name }
drivers-and-ideas = Drivers & change ideas
ramp-of-cycles = Ramp of PDSA cycles
no-cycle-for-idea = No cycle has tested this idea yet. Start small: one patient, one day.
scale-not-given = Scale not given
scale-is = Scale: { $scale }
start-first-cycle-of-idea = Start a first cycle of this idea
start-next-cycle = Start the next cycle
teams-that-tried = Teams that tried this
from-package = From the change package: “{ $text }”
no-other-team-tried = No other team on this device has tried it. Teams of your collaborative appear here when its faculty share teams' work, or when you coach or run several teams.

monthly-reports = Monthly reports
write-or-open-report = Write or open the report for
open-the-report = Open the report
no-reports-yet = No reports yet. Each month the team says what moved, what got in the way and what help it needs.
score-team = Team
score-faculty = Faculty
point-apart = A point or more apart
report-for = Report for { $month }
print-report = Monthly report
scores-apart = The team scored { $own } and faculty scored { $review }: a point or more apart. Worth talking through at the next coaching call.
team-own-score = The team's own score
coach-score = The coach's or faculty's score
cycles-in = PDSA cycles in { $month }
latest-signals = The measures' latest signals
scored-by = Scored by { $who }, { $when }
not-scored-yet = Not scored yet.
why = Why:
on-cycle = PDSA cycle “{ $title }”
on-measure = measure “{ $name }”
on-aim = the aim
on-report = the report for { $month }
on-team = the team
write-comment-first = Write the comment first.
comments = Comments
no-comments-yet = No comments yet.
add-a-comment = Add a comment
add-comment = Add comment
comment-on = { $who } on { $what }: “{ $text }”
role-member = member
role-coach = coach
role-faculty = faculty
role-other-team = other team

aim-not-written = Aim (not written yet)
print-drivers = Driver diagram
drivers-lead = What changes can we make that will result in improvement? Tap a box to open it.
loose-secondaries = Secondary drivers not linked to a primary driver yet
loose-ideas = Change ideas not linked to a driver yet
primary-drivers = Primary drivers
secondary-drivers = Secondary drivers
change-ideas = Change ideas
add-to-diagram = Add to the diagram
a-primary-driver = A primary driver
a-secondary-driver = A secondary driver
a-change-idea = A change idea
add-primary-driver = Add the primary driver
add-secondary-driver = Add the secondary driver
add-change-idea = Add the change idea
title-driver = Driver: { $name }
secondaries-under = Secondary drivers under it
ideas-working-on = Change ideas working on it
none-yet-link-ideas = None yet: link change ideas from their pages.

removed-value = (removed)
conflicting-values = Conflicting values
conflict-question = Changed on two devices at once. Which one should stay?
keep-this = Keep this
written-by = { $who } { $device ->
    [here] on this device
   *[elsewhere] on another device
}, { $when }
empty-value = (empty)
yes = yes
no = no
unsent-title = Saved on this device; it reaches the team when this device syncs
not-sent-yet = Not sent yet
new-version = New version available
reload = Reload
things-need-fixing = { $count ->
    [one] One thing needs
   *[other] { $count } things need
} fixing before this can be saved (see above).

sign-out-question = { $count ->
    [one] { $count } change has
   *[other] { $count } changes have
} not reached the server yet and will be lost. Sign out anyway?
account = Account
signed-in-as = Signed in as
sign-out = Sign out and remove team data from this device
not-signed-in = Not signed in: everything stays on this device.
local-teams = Made on this device before you signed in
local-team-only-here = “{ $name }” and its cycles are only on this device.
move-cycles-into = Move its cycles into “{ $team }”
remove-local-team-ask = Remove this team and its cycles from this device?
remove-from-device = Remove it from this device
kind-name = { $kind ->
    [team] team
    [aim] aim
    [measure] measure
    [datapoint] data point
    [driver] driver
    [change_idea] change idea
    [cycle] PDSA cycle
    [report] monthly report
    [comment] comment
    [collaborative] collaborative
    [session] calendar event
   *[measure_def] common measure
}
refused-title = Changes the server refused
refused-hint = These were not applied. Copy or download what you need, then drop them.
download-refused = Download these changes (JSON)
drop-refused = Drop these changes
opening-page = Opening this page…
page-not-loaded = Page not loaded
page-could-not-load = This page could not be loaded
page-could-not-load-text = Ramp could not fetch this part of the app: this device may be offline, or the connection dropped. Everything you saved is still on this device, and the rest of Ramp works.
try-again = Try again
nothing-here = Nothing here
nothing-here-text = This address does not match anything in Ramp. It may be a cycle from another device that has not reached this one.
go-to-teams = Go to your teams

dashboard = Dashboard
teams-gone-quiet = { $teams } · { $count } gone quiet
sort = Sort
find = Find
team-name = Team name
only-quiet-teams = Only quiet teams
no-teams-to-show = No teams to show yet. Teams you coach or run appear here after a sync.
never = never
days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
gone-quiet = Gone quiet
score-team-faculty = Score (team / faculty)
score-line-key = — team · - - faculty
cycles-per-month = PDSA cycles per month
in-six-months = { $count } in 6 months
since-last = Since the last cycle · data
aim-progress = Aim progress
of-the-way = { $percent } of the way to the goal
aim-progress-figures = { $measure }: { $baseline } → { $latest } (goal { $goal })
no-outcome-with-goal = No outcome measure with a goal and data yet
dash-sort-quiet = Quiet teams first
dash-sort-name = Name
dash-sort-score = Lowest score first
dash-sort-velocity = Fewest cycles first
library-sort-driver = By driver
library-sort-teams = Most teams first
library-sort-evidence = Most evidence first
quiet-no-cycle-for = No PDSA cycle for { $days } days
quiet-no-cycle = No PDSA cycle yet
quiet-no-data-for = No new data for { $days } days
quiet-no-data = No measure data yet
ramp-stage-not-started = Not started
ramp-stage-testing = Testing
ramp-stage-implementing = Implementing
ramp-stage-spreading = Spreading
ramp-stage-abandoned = Abandoned
evidence-not-reported = No common outcome measure to read.
evidence-no-improvement = { $measure }: no signal of improvement yet.
evidence-improved-before = { $measure }: improvement began before the team started testing this idea.
evidence-improved-after = { $measure }: a signal of improvement began in { $from }, after testing started (a signal after a change is not proof the change caused it).

change-library = Change library
library-lead = Every idea of the change package, and what the teams did with it. A signal of improvement after a team began testing an idea is a lead to follow, not proof that the idea caused it.
sort-and-filter = Sort and filter
order = Order
driver = Driver
every-driver = Every driver
adopted-by-two = Adopted by two or more teams
with-improved-team = With a team that improved after testing it
ideas-count = { $count ->
    [one] { $count } idea
   *[other] { $count } ideas
}
adopted-by-none = No team has adopted it yet
adopted-by = Adopted by { $count ->
    [one] { $count } team
   *[other] { $count } teams
}
adopted-by-improved = Adopted by { $count ->
    [one] { $count } team
   *[other] { $count } teams
} · { $improved } improved after testing it
came-from-a-team = Came from one of the teams
came-from = Came from { $team }
driver-is = Driver: { $drivers }
scales-are = {" "}· scale: { $scales }
no-cycles-short = No cycles yet
decision-count = { $decision ->
    [adapt] adapt
    [adopt] adopt
   *[abandon] abandon
} { $count }
their-wording = Their wording: “{ $wording }”
act-decisions = {" "}· Act: { $decisions }
add-to-package = Add it to the change package
proposed-by-teams = Proposed by teams
no-proposals = No team has proposed an idea of its own yet. A team proposes one from the idea's page.

learning-session = Learning session{ $number ->
    [none] {""}
   *[other] {" "}{ $number }
} · { $date }
learning-session-short = Session{ $number ->
    [none] {""}
   *[other] {" "}{ $number }
} · { $date }
learning-session-label = Learning session
story-none = The storyboard belongs to a learning session: it appears once the collaborative's calendar on this device has one.
storyboards = Storyboards
add-learning-session = Add a learning session to the calendar: storyboards belong to one.
print-storyboards = Print every storyboard
members-none = Members: none recorded on this device yet
members = Members: { $names }
story-own-score = Team's own score, { $month }: { $score } — { $level }
story-own-score-none = Team's own score: not given yet
no-aim-written = No aim written yet.
aim-met = Aim met
aim-not-met = Aim not met yet
aim-no-judge = No outcome measure with a goal to judge by
drivers-in-brief = Driver diagram in brief
no-ideas-under-driver = No change ideas tested under a driver yet.
ramps = Ramps
story-ramp = { $cycles } · adapt { $adapt }, adopt { $adopt }, abandon { $abandon }
what-we-learned = What we learned
whats-next = What's next
not-written-yet = Not written yet.

people-not-allowed = Only the collaborative's faculty can see and change who is on a team.
asking-server = Asking the server…
no-one-on-team = No one is on this team yet: make an invite below.
invites = Invites
no-invites = No invites made for this team.
role-coach-title = Coach
role-member-title = Member
now-role = { $name } is now a { $role ->
    [coach] coach
   *[member] member
} of this team.
remove-person-ask = Remove { $name } from this team? Their devices stop receiving its changes, and what they have not sent yet is refused.
no-longer-on-team = { $name } is no longer on this team.
disable-account-ask = Disable { $name }'s account? They are signed out everywhere at once and cannot sign in until it is enabled.
account-enabled = { $name }'s account is enabled again.
account-disabled = { $name }'s account is disabled and signed out everywhere.
account-disabled-tag = Account disabled
make-role = Make { $role ->
    [coach] coach
   *[member] member
}
remove-from-team = Remove from team
enable-account = Enable account
disable-account = Disable account
password-reset-code = Password reset code
give-reset-code = Give { $name } this code: with their email it sets a new password on the sign-in page, once, within 3 days.
invite-numbers = Give the number of people and of days as whole numbers.
invite-made = For { $count ->
    [one] one person
   *[other] { $count } people
} joining as { $role ->
    [coach] coach
   *[member] member
}, until { $until }. It is shown only now: copy it.
invite-someone = Invite someone
role-in-team = Role in the team
invite-uses = For how many people
invite-uses-hint = 1 to 200; each person uses it once.
invite-days = Works for (days)
invite-days-hint = 1 to 90.
make-invite-code = Make invite code
invite-used = Used { $uses } of { $max } · until { $until }
taken-by = Taken by { $names }
invite-revoked = The invite is revoked: its code no longer works.
invite-title = { $role } invite · { $state ->
    [revoked] Revoked
    [used-up] Used up
    [expired] Expired
   *[open] Open
}
revoke = Revoke

activity-not-allowed = Only the collaborative's faculty can read a team's activity log.
activity-hint = Every change the server received for this team, and every change of who is on it, newest first.
activity-empty = Nothing has reached the server for this team yet.
show-older-changes = Show older changes
server-admin = The server's admin
someone-lower = someone
access-joined = { $subject } joined the team as { $role }, with an invite.
access-added = { $actor } added { $subject } to the team as { $role }.
access-role-changed = { $actor } changed { $subject }'s role from { $from } to { $role }.
access-removed = { $actor } removed { $subject } ({ $role }) from the team.
access-disabled = { $actor } disabled { $subject }'s account.
access-enabled = { $actor } enabled { $subject }'s account again.
access-reset-code = { $actor } made a password reset code for { $subject }.
access-invite-made = { $actor } made an invite for { $count ->
    [one] one { $role }
   *[other] { $count } people as { $role }
}.
access-invite-revoked = { $actor } revoked a { $role } invite.
refused-because = Refused:
activity-subject = { $kind } “{ $title }”
activity-deleted = { $subject }: deleted

home = Home
collaborative = Collaborative
the-collaborative = The collaborative
about = About
calendar = Calendar
common-measures = Common measures
change-package = Change package
sharing = Sharing
compare-teams = Compare teams
sharing-between-teams = Sharing between teams
sharing-on = Sharing is on. Members and coaches of every team can read the other teams' aims, measures and charts, change ideas, ramps and cycles, and comment on them. They never change another team's work, and they do not see its monthly reports or faculty's scores, only what its storyboards show.
sharing-off = Sharing is off. Each team sees only its own work; coaches see the teams they coach, and faculty every team.
sharing-off-hint = Switching sharing off stops new data from reaching other teams' devices. What they have already received stays on their devices, readable, and they are told so.
sharing-left = This device still holds what { $count ->
    [one] one other team
   *[other] { $count } other teams
} shared before sharing ended, as it was then. It gets no updates.
event = Event
no-dates = No dates yet.
add-a-date = Add a date
add-to-calendar = Add to the calendar
common-measures-hint = Every team reports these; teams may add their own measures too.
no-common-measures = No common measures yet.
add-a-common-measure = Add a common measure
add-the-common-measure = Add the common measure
no-package-ideas = No change ideas in the package yet.
add-idea-to-package = Add a change idea to the package
add-to-the-package = Add to the package
add-driver-to-package = Add a driver to the package
where-it-goes = Where it goes
secondary-under = Secondary, under “{ $driver }”
add-the-driver = Add the driver
name-the-new-team = Give the new team a name.
team-added = “{ $name }” is added; it appears below after the next sync.
another-team-read = Another team: read and comment
people-and-invites = People and invites
add-a-team-online = Add a team (needs a connection)
add-team = Add team
common-measure = Common measure
teams-side-by-side = Teams side by side
print = Print
one-scale = Every team's chart on one scale: the same values up the side, the same months along the bottom.
not-reported-yet = Not reported yet
scores-per-month = Scores per month
scores-legend = Which team stood at each level of the assessment scale each month: T by the team's own score, F by faculty's or its coach's. The teams:

score-team-letter = T
score-review-letter = F

chart-empty = The chart appears with the first data point.
no-signal-random = No signal: the variation looks random (common cause).
key-point = A month's value
key-signal = Part of a signal (larger, orange)
key-note = Has a note (ringed): tap it
key-excluded = Left out of the calculations (hollow)
key-centre = Centre line
key-limit = Control limits
key-goal = Goal
key-flag = PDSA cycle started (numbered as listed below)
mr-summary = Moving ranges: average { $centre }, upper limit { $upper } (latest phase)
moving-range = Moving range
chart-name-run = Run chart
chart-name-i = I chart (individuals)
chart-name-p = P chart (proportions)
chart-name-u = U chart (rates)
chart-name-c = C chart (counts)
chart-name-g = G chart (cases between events)
chart-name-t = T chart (time between events)
chart-name-pp = P′ chart (Laney: proportions, large denominators)
chart-name-up = U′ chart (Laney: rates, large denominators)

rules-name-ihi = IHI run chart rules: shift 6, trend 5, runs
rules-name-anhoej = Anhøj rules: longest run, crossings
rules-name-shewhart = Shewhart rules: beyond a limit, 8 on one side, 6 rising or falling, 2 of 3 in the outer third, 15 in the inner third
rules-name-mdc = Making Data Count rules: beyond a limit, 7 on one side, 7 rising or falling, 2 of 3 near a limit

csv-hint = The CSV file writes numbers as spreadsheets and statistics programs read them in every language: a point before decimals and no thousands separators.

issue-unknown_team = This team is not part of a collaborative on the server.
reason-bad_credentials = The email or password is not right.
reason-bad_invite = This invite code is not valid (or has expired): check it with whoever gave it.
reason-email_taken = An account with this email already exists.
reason-too_many_attempts = Too many failed tries: wait { $wait } and try again.
reason-too_large = The request is too large.
reason-account_disabled = This account is disabled: ask your collaborative's faculty.
reason-bad_reset_code = This reset code is not valid for this email (or has expired): ask for a new one.
reason-already_on_team = You are already { $role ->
    [faculty] faculty
    [coach] a coach
   *[member] a member
} on this team: ask its faculty to change your role.
reason-not_on_team = This person is not on this team.
reason-storage_full = The server's storage is full: your changes stay on this device and are sent when there is room again.
reason-unavailable = The server's storage cannot take changes now; try again later.
reason-server_failed = The server failed; try again later.
reason-not_an_email = Give an email address, like name@example.org.
reason-short_password = Choose a password of at least { $min } characters.
reason-wrong_password = The current password is not right.
reason-name_length = Give your name as your team knows you (up to { $max } characters).
reason-name_character = A name cannot contain “·” or control characters.
wait-seconds = { $count ->
    [one] a second
   *[other] { $count } seconds
}
wait-minutes = { $count ->
    [one] a minute
   *[other] { $count } minutes
}

app-name = Ramp: PDSA cycles and measures
app-short-name = Ramp
app-description = Plan, run and learn from PDSA cycles with your improvement team, with or without a signal.

warning-chart-does-not-fit = This kind of chart does not fit the measure's type; showing the { $chart }.
warning-phase-break-not-a-period = Phase break “{ $from }” is not a month or a date: left out.
warning-freeze-past-break = The baseline freeze ({ $points } points) reaches past the first phase break: not used. Freeze fewer points than the first phase holds, or remove the freeze.
warning-overdispersed = These points vary { $times } times as much as a { $chart } expects: with denominators this large its limits are too tight, and nearly every point looks special. The { $better } fits: choose it under Chart.
warning-no-control-chart = This measure has no control chart.
warning-few-points-for-rules = Only { $points ->
    [one] { $points } point
   *[other] { $points } points
}: the run chart rules are more reliable with { $needed } points or more.
warning-trial-limits = Only { $points ->
    [one] { $points } point
   *[other] { $points } points
} for the limits: treat them as trial limits until there are { $needed }.
warning-t-needs-positive = A T chart needs times above 0 between events: enter each time as days (or hours) since the last event.
mark-frozen = Baseline frozen
mark-frozen-because = Baseline frozen: { $reason }
mark-phase = New phase from { $from }
mark-phase-because = { $reason } (from { $from })

import-too-large = This file is larger than { $mb } MB: it is not a Ramp backup.
import-not-a-backup = This file is not a Ramp team backup ({ $why }).
import-newer-version = This backup was made by a newer Ramp (format { $version }). Update Ramp, then import it again.
skipped-id-does-not-fit = A { $kind } record whose id does not fit the team ({ $id }).
skipped-id-in-use = A { $kind } record whose id this device already uses for something else ({ $id }).
skipped-bad-value = { $kind } { $id }, “{ $field }”: { $issue }
skipped-empty = An empty { $kind } record ({ $id }).

dates-from = From { $start }
dates-until = Until { $end }

cycle-from = { $title } (from { $start })
