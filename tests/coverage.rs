//! The coverage table: every rule and template of every built-in policy, with its clause
//! and the tests that exercise it, generated from the data into `docs/coverage.md`.
//!
//! A rule is covered when a test in its policy's scenario file
//! (`tests/scenarios_<policy>.rs`) names it in a `rule: <id>` comment. The test fails if a
//! rule has no test, and if `docs/coverage.md` is out of date (run
//! `UPDATE_COVERAGE=1 cargo test --test coverage` to regenerate it).

use std::fmt::Write as _;
use supervision_rules::policy::Registry;

/// The tests in `text` whose doc comment or body mentions `rule: <id>` as a whole word.
fn tests_naming(text: &str, id: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = false;
    for line in text.lines() {
        if mentions(line, id) {
            pending = true;
        }
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("fn ") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if pending && !found.contains(&name) {
                found.push(name);
            }
            pending = false;
        }
    }
    // A mention inside a test body, after its `fn` line: attribute it to that test.
    let mut current = String::new();
    for line in text.lines() {
        if let Some(rest) = line.trim_start().strip_prefix("fn ") {
            current = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
        } else if !line.trim_start().starts_with("///")
            && mentions(line, id)
            && !current.is_empty()
            && !found.contains(&current)
        {
            found.push(current.clone());
        }
    }
    found
}

/// `rule: <id>` (or `rule: a, b`) with `id` as a whole word.
fn mentions(line: &str, id: &str) -> bool {
    let Some(at) = line.find("rule:").or_else(|| line.find("rules:")) else {
        return false;
    };
    let rest = &line[at..];
    rest.match_indices(id).any(|(i, _)| {
        let before = rest[..i].chars().last();
        let after = rest[i + id.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        !word(before) && !word(after)
    })
}

/// Stated behaviours of the engine and of validation (issue 13, "policy fidelity"), each with
/// the clause it serves and the hand-worked tests that pin it: (behaviour, clause, test file,
/// tests). The table fails when a named test is not in its file.
const BEHAVIOURS: &[(&str, &str, &str, &[&str])] = &[
    (
        "min-count: every elapsed window judged, the one ending on asOf included; an early \
     shortfall does not hide a later one; the obligation gives the day the count next falls \
     short",
        "south-gloucestershire.txt §3.1; havering.txt §3d",
        "tests/scenarios_south_gloucestershire.rs",
        &[
            "every_elapsed_window_is_judged",
            "minimum_says_when_the_count_next_falls_short",
        ],
    ),
    (
        "options.recordsFrom: no breach before the records begin; first deadlines count from \
     them",
        "every cadence and count (a history's first deadline)",
        "tests/scenarios_south_gloucestershire.rs",
        &["partial_history_counts_from_the_records"],
    ),
    (
        "options.recordsFrom: milestones due before the records begin are taken as met",
        "stockport.txt §10",
        "tests/scenarios_stockport.rs",
        &["asye_reviews_before_the_records_are_not_judged"],
    ),
    (
        "the demo's home page links to every page: the templates' list, a form for each \
         template, the mapping example, the strict-CSP page",
        "(the demo, www/)",
        "tests/www_links.rs",
        &["home_page_links_to_every_page"],
    ),
    (
        "cadence `proRata`: the worker's `fte` stretches the interval (its days ÷ fte, \
         rounded up)",
        "havering.txt §4b",
        "tests/scenarios_havering.rs",
        &["personal_supervision_pro_rata_for_part_time"],
    ),
    (
        "cadence `proRata` is monotonic (issue 22): a later session never gets an earlier \
         deadline. At fte 0.5: Wed 28 Jan 2026 → 31 days ÷ 0.5 = 62 → Tue 31 Mar; Sat 31 Jan → \
         28 days ÷ 0.5 = 56 → Sat 28 Mar, was earlier; now Tue 31 Mar, the latest of the 3 ÷ \
         fte = 6 days before it",
        "havering.txt §4b",
        "tests/scenarios_havering.rs",
        &["pro_rata_never_gives_a_later_session_an_earlier_deadline"],
    ),
    (
        "a template date the text bounds is checked (issue 22): the contract \"reviewed at \
         least annually\" — signed Mon 12 Jan 2026, review by Tue 12 Jan 2027 (+ 1 year); \
         Wed 13 Jan 2027 is `date-too-late`",
        "havering.txt §5; north-east-lincolnshire.txt Supervision agreement; stockport.txt §6",
        "tests/scenarios_havering.rs",
        &["contract_review_date_within_a_year_of_signing"],
    ),
    (
        "`during` rules judge the past after their window ends: a session that fell due \
         inside the window is judged by the window's rule, not re-judged by the rules it \
         overrides",
        "north-east-lincolnshire.txt Frequency of Supervision",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["probation_lateness_is_still_reported_after_the_six_weeks"],
    ),
    (
        "a dated history (`worker.changes`): each cadence gap is judged by the rules chosen \
         with the role, hours and `fte` in force when it opened; the next due date by those \
         in force on `asOf`",
        "shropshire.txt Supervision Agenda",
        "tests/scenarios_shropshire.rs",
        &[
            "each_gap_judged_by_the_hours_in_force_when_it_opened",
            "changes_are_checked_by_path",
        ],
    ),
    (
        "a dated history reaches counts: a window is judged by the role in force on its \
         first day; a rule a change brought in counts from the change",
        "south-gloucestershire.txt §3.2",
        "tests/scenarios_south_gloucestershire.rs",
        &["clinical_minimum_judged_by_the_role_then_held"],
    ),
    (
        "a dated history reaches event duties: a front-door contact is judged by the role in \
         force on its day, after the worker moves team",
        "north-east-lincolnshire.txt Supervision within the Front Door",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["front_door_briefings_judged_after_moving_on"],
    ),
    (
        "a dated history reaches child rules: each discussion gap is judged by the role in \
         force when it opened",
        "stockport.txt §7 key principle 5",
        "tests/scenarios_stockport.rs",
        &["child_gaps_judged_by_the_role_then_held"],
    ),
    (
        "an agreed frequency: `agreement.frequency` is followed from the day the agreement \
         was signed by the cadences the policy lets an agreement set, never beyond the \
         policy's limit (`agreedUpTo`)",
        "havering.txt §3d",
        "tests/scenarios_havering.rs",
        &["case_supervision_at_the_frequency_agreed"],
    ),
    (
        "an agreed frequency: the frequency the supervisor decides, recorded in the \
         agreement; validation reads it too (`options.frequency`, the widget's `frequency`)",
        "stockport.txt Appendix C item 2",
        "tests/scenarios_stockport.rs",
        &[
            "supervision_at_the_frequency_the_supervisor_decided",
            "next_session_booked_within_the_agreed_frequency",
        ],
    ),
    // Issue 22 item 3: inputs that say what the documents say.
    (
        "frequencies in the words agreement forms use (`fortnightly`, `every 4 weeks`, \
         `six-weekly`, `2 weeks`), one parser for the worker's agreement and validation; \
         anything else refused with a message listing the forms",
        "havering.txt §3d; stockport.txt Appendix C item 2",
        "tests/frequency_words.rs",
        &[
            "frequencies_in_the_words_of_agreement_forms",
            "an_agreed_frequency_in_words_or_a_clear_error",
        ],
    ),
    (
        "a dated history states only what changes: one change `{from, hours: 'part-time'}`; \
         full time before the first change of hours or `fte`; today's values from the last \
         change",
        "shropshire.txt Supervision Agenda",
        "tests/scenarios_inputs.rs",
        &["a_change_states_only_what_changes"],
    ),
    (
        "several agreements over time (`worker.agreements`): each gap follows the frequency \
         of the agreement in force on the day it opened; the latest is reviewed",
        "havering.txt §3d",
        "tests/scenarios_inputs.rs",
        &["each_gap_follows_the_agreement_in_force"],
    ),
    (
        "a cancellation's day (`cancelledOn`) and who made it (`cancelledBy`): a rebooking \
         clock that runs from the cancellation runs from the day it was made",
        "south-gloucestershire.txt §3.3",
        "tests/scenarios_inputs.rs",
        &["rebooking_runs_from_the_day_of_the_cancellation"],
    ),
    (
        "`recordsFrom` per worker, winning over the call's",
        "south-gloucestershire.txt §3.1 (every cadence's first deadline)",
        "tests/scenarios_inputs.rs",
        &["records_from_per_worker_wins_over_the_call"],
    ),
    (
        "a time of day on events with hour limits: 24 hours from the time when given, from \
         the day's end when not, said in the reason",
        "south-gloucestershire.txt §3.4; north-east-lincolnshire.txt Supervision within the \
         Front Door",
        "tests/scenarios_inputs.rs",
        &[
            "hours_run_from_the_time_of_day_when_given",
            "a_contact_briefing_from_the_time_received",
        ],
    ),
    (
        "`validate` takes the worker (`options.worker`): role, hours, shifts, `fte` and the \
         agreement in force on `today` from one place",
        "shropshire.txt Appendix 6; stockport.txt Appendix C item 2",
        "tests/scenarios_inputs.rs",
        &[
            "validate_takes_the_worker",
            "validate_reads_the_agreement_in_force_today",
        ],
    ),
    (
        "a `during` window begun by a change does not reach back over the era before it: the \
         rules it overrides judge that era",
        "north-east-lincolnshire.txt Frequency of Supervision",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["asye_window_begun_by_a_change_leaves_the_era_before_alone"],
    ),
    (
        "milestones end: a series with `until` (the ASYE year) asks for no review after it \
         (nor after a `grace`, where a policy sets one); one not met is a `missed-milestone` \
         breach. Stockport's month of grace was ours (issue 22) and went: ASYE from Mon 5 Jan \
         2026, final assessment due Tue 5 Jan 2027 (+12 months), missed on Wed 6 Jan 2027 \
         (was: asked for until Fri 5 Feb 2027)",
        "stockport.txt §10",
        "tests/scenarios_stockport.rs",
        &["asye_reviews_end_with_the_asye_year"],
    ),
    (
        "field types, one rule for all: blank (missing, null, blank text) is `required`, \
         the wrong JSON type is `invalid-type` for every type; an array is blank only for \
         a list of rows",
        "(every template; docs/finding-codes.md, Field types)",
        "tests/validate_field_types.rs",
        &["every_field_type_by_every_kind_of_value"],
    ),
    (
        "hours and shifts reach validation: `options.hours`, `shiftsPerMonth` and `fte` \
         choose the cadence read by `next-within-cadence` and `required-if-gap` through the \
         schedule's selection; without them the finding says what it assumed",
        "shropshire.txt Supervision Agenda; Appendix 5; Appendix 6",
        "tests/scenarios_shropshire.rs",
        &["residential_gap_comment_follows_hours_and_shifts"],
    ),
    (
        "event-driven duties: an urgent request (`worker.requests`) is met by a session \
         within 24 hours, read as by the next day",
        "south-gloucestershire.txt §3.4",
        "tests/scenarios_south_gloucestershire.rs",
        &["urgent_supervision_within_24_hours_of_the_request"],
    ),
    (
        "event-driven duties: each front-door contact (`worker.contacts`) has its initial \
         briefing supervision recorded within 24 hours, by the next day",
        "north-east-lincolnshire.txt Supervision within the Front Door",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["front_door_briefing_within_24_hours_of_each_contact"],
    ),
    (
        "event-driven duties: each serious incident (`worker.incidents`) is followed by the \
         supervisor meeting the worker the same day (`incident-meeting` without `within`)",
        "north-east-lincolnshire.txt Appendix 1 (2)",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["serious_incident_meeting_the_same_day"],
    ),
    (
        "steps of a process within their deadlines (template rule `date-within`): the \
         observer's section within 2 working days of the observation, the practitioner's \
         comments within 2 working days of it, the feedback session within 10 working days of \
         the observation; a late step is a `date-too-late` warning",
        "havering.txt Appendix D guidance notes",
        "tests/scenarios_havering.rs",
        &["observation_steps_within_their_working_days"],
    ),
    (
        "a child's assessment (`assessment-started` to `assessment-completed` case events) is \
         discussed on the day it starts and then at least every 2 weeks until it is completed",
        "north-east-lincolnshire.txt Supervision of Assessments",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["assessment_discussed_at_allocation_and_fortnightly"],
    ),
    (
        "the supervisor's absences (`worker.supervisorAbsences`, issue 22) stop the clock the \
         text stops: a session cancelled for sickness while the supervisor was off (Mon 9 – Fri \
         13 Mar 2026) is rebooked within 5 working days of their return, Mon 16 Mar → Mon 23 \
         Mar (was: from the cancelled Tue 10 Mar → Tue 17 Mar)",
        "havering.txt §4a",
        "tests/scenarios_havering.rs",
        &["sickness_rebook_from_the_supervisors_return"],
    ),
    (
        "what rests on a reading is never a breach (issue 22): a spacing read into a count is \
         advice — South Gloucestershire's six in any 12 months, read as every 2 months: \
         sessions 10 May and 20 Sep 2025, 10 May + 2 months = 10 Jul, so an advisory \
         `cadence-gap`, no breach",
        "south-gloucestershire.txt §3.1",
        "tests/scenarios_south_gloucestershire.rs",
        &["a_spacing_read_into_a_count_is_advice_not_a_breach"],
    ),
    (
        "\"rebooked immediately\" (no time set) read as 5 working days is an advisory: \
         cancelled Wed 4 Mar 2026, 5 working days = Wed 11 Mar, held Fri 13 Mar → advisory \
         `late-rebook`, not a breach",
        "south-gloucestershire.txt §3.3",
        "tests/scenarios_south_gloucestershire.rs",
        &["cancelled_session_held_within_five_working_days"],
    ),
    (
        "\"should not, if at all possible, wait until the following month\": a goal, so a \
         miss is an advisory (even for a session cancelled on a month's last day): cancelled \
         Tue 28 Apr 2026 for sickness, month ends Thu 30 Apr, held Tue 5 May → advisory \
         `late-rebook`",
        "north-east-lincolnshire.txt Cancellation of supervision",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["cancelled_supervision_rearranged_within_the_month"],
    ),
    (
        "\"before\" a planned event, no window set: our month before it is advice — entering \
         care Wed 1 Apr 2026, no discussion in [1 Mar, 1 Apr) → advisory \
         `no-discussion-before-event`",
        "north-east-lincolnshire.txt Case Supervision",
        "tests/scenarios_north_east_lincolnshire.rs",
        &["child_discussed_before_a_planned_plan_change"],
    ),
    (
        "a first agreement with no deadline in the text: our date is marked `reading`, the \
         yearly review is the clause's — Stockport, started Mon 5 Jan 2026 + 2 months = Thu \
         5 Mar 2026 (reading); signed 12 Jan 2026 + 1 year = 12 Jan 2027 (stated)",
        "stockport.txt §6; north-east-lincolnshire.txt Supervision agreement",
        "tests/scenarios_stockport.rs",
        &["agreement_reviewed_annually"],
    ),
    (
        "\"regularly\", \"bi-annual\", \"significant delay\": limits of our reading give \
         advisories — Havering's supervisor observed 15 Jan and 20 Aug 2026, 15 Jan + 6 \
         months = 15 Jul → advisory `supervisor-observation-gap`; Shropshire's delay comment \
         after 2 Mar → 6 Apr (> 4 weeks, 30 Mar) is advised, the record stays valid",
        "havering.txt §6; shropshire.txt Appendix 3, Appendix 6",
        "tests/scenarios_team.rs",
        &["supervision_of_supervision_gap"],
    ),
    (
        "\"monthly\" team duties in the text's unit (issue 22): Havering's group supervision \
         \"diarised on a monthly basis\" is one in each calendar month (`calendarMonths`) — \
         sessions 5 Jan and 27 Feb 2026 keep it (rolling: 5 Jan + 1 month = 5 Feb, a \
         breach); next by Tue 31 Mar",
        "havering.txt §3b",
        "tests/scenarios_team.rs",
        &["group_case_supervision_in_each_calendar_month"],
    ),
];

/// The behaviours section of the coverage table; the names of tests it lists that are not
/// in their files go to `missing`.
fn behaviours(root: &str, doc: &mut String, missing: &mut Vec<String>) {
    doc.push_str(
        "\n## Behaviours\n\nHow the engine and validation read clauses that every policy \
         shares (issue 13), each pinned by hand-worked tests.\n\n\
         | behaviour | clause | tests |\n|---|---|---|\n",
    );
    for (what, clause, file, tests) in BEHAVIOURS {
        let text = std::fs::read_to_string(format!("{root}/{file}")).unwrap_or_default();
        for t in *tests {
            if !text.contains(&format!("fn {t}()")) {
                missing.push(format!("{file}: {t}"));
            }
        }
        let named: Vec<String> = tests.iter().map(|t| format!("`{t}`")).collect();
        let _ = writeln!(
            doc,
            "| {} | {} | `{file}`: {} |",
            escape(what),
            escape(clause),
            named.join(", ")
        );
    }
}

/// A rule's basis for the table: `stated`, or `**reading**` with why.
fn basis(b: supervision_rules::policy::Basis, reading: Option<&str>) -> String {
    match (b, reading) {
        (supervision_rules::policy::Basis::Reading, Some(why)) => {
            format!("**reading**: {}", escape(why))
        }
        // A stated rule with parts that are ours (`readingFor`).
        (supervision_rules::policy::Basis::Stated, Some(why)) => {
            format!("stated; in part **reading**: {}", escape(why))
        }
        _ => "stated".to_string(),
    }
}

fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

#[test]
fn every_rule_has_a_scenario_and_the_table_is_current() {
    let root = env!("CARGO_MANIFEST_DIR");
    let registry = Registry::with_builtins();
    let mut doc = String::from(
        "# Rule and template coverage\n\n\
         Generated from the policy data by `tests/coverage.rs` \
         (`UPDATE_COVERAGE=1 cargo test --test coverage`); do not edit by hand.\n\n\
         Every template is exercised by the generated tests in `tests/validate_templates.rs` \
         (a complete record is valid; removing any required field makes it invalid with that \
         field's id in the path) and `tests/validate_privacy.rs`; every rule by the hand-worked \
         scenarios named here.\n\n\
         Each rule's **basis** (docs/policy-format.md, *Basis*): `stated` when the clause sets \
         the limit; **reading** when the limit is ours, with why. What rests on a reading is \
         an advisory, never a breach of the policy.\n",
    );
    let mut missing = Vec::new();
    for p in registry.all() {
        let file = format!("tests/scenarios_{}.rs", p.id.replace('-', "_"));
        let mut text = std::fs::read_to_string(format!("{root}/{file}")).unwrap_or_default();
        // Team and service duties are worked out by `schedule_team`, and their scenarios
        // are in one file for every policy.
        text.push_str(
            &std::fs::read_to_string(format!("{root}/tests/scenarios_team.rs")).unwrap_or_default(),
        );
        let _ = write!(doc, "\n## {} ({})\n\n### Rules\n\n| rule | kind | source | basis | tests in `{file}` (team duties: `tests/scenarios_team.rs`) |\n|---|---|---|---|---|\n", p.authority, p.id);
        for r in &p.rules {
            let tests = tests_naming(&text, &r.id);
            if tests.is_empty() {
                missing.push(format!("{}/{}", p.id, r.id));
            }
            let _ = writeln!(
                doc,
                "| `{}` | {} | {} | {} | {} |",
                r.id,
                r.kind.name(),
                escape(&r.source),
                basis(r.basis, r.reading.as_deref()),
                tests
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let _ = write!(doc, "\n### Template rules\n\n| template | rule | kind | source | basis |\n|---|---|---|---|---|\n");
        for t in &p.templates {
            for (i, r) in t.rules.iter().enumerate() {
                let _ = writeln!(
                    doc,
                    "| `{}` | {i} | {} | {} | {} |",
                    t.id,
                    r.kind.name(),
                    escape(&r.source),
                    basis(r.basis, r.reading.as_deref())
                );
            }
        }
        let _ = write!(doc, "\n### Templates\n\n| template | title | source | fields | required (always / final) |\n|---|---|---|---|---|\n");
        for t in &p.templates {
            let fields: Vec<_> = t.fields().collect();
            let always = fields
                .iter()
                .filter(|f| f.required == supervision_rules::policy::Required::Always)
                .count();
            let fin = fields
                .iter()
                .filter(|f| f.required == supervision_rules::policy::Required::Final)
                .count();
            let _ = writeln!(
                doc,
                "| `{}` | {} | {} | {} | {} / {} |",
                t.id,
                escape(&t.title),
                escape(&t.source),
                fields.len(),
                always,
                fin
            );
        }
    }
    behaviours(root, &mut doc, &mut missing);
    assert!(
        missing.is_empty(),
        "rules with no scenario test naming them (`rule: <id>`), or behaviours naming a \
         test not in its file: {missing:?}"
    );

    let path = format!("{root}/docs/coverage.md");
    if std::env::var_os("UPDATE_COVERAGE").is_some() {
        std::fs::write(&path, &doc).expect("write docs/coverage.md");
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == doc,
        "docs/coverage.md is out of date: run UPDATE_COVERAGE=1 cargo test --test coverage"
    );
}
