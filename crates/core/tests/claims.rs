//! Claim extraction, shape by shape: sentences taken from the corpus, then variants in other
//! wording, units (元/万元/亿元) and full-width digits. Every figure must point at its own text.

use hedui_core::claims::{
    self, ChangeBasis, Claim, ClaimKind, Comparison, Direction, Figure, FigureUnit, ScoreSubject,
};

/// The claims of `text` read as a whole document (parsed, then extracted), each figure checked
/// to point at its own text.
fn claims_of(text: &str) -> Vec<Claim> {
    let claims = claims::extract(&hedui_core::parse("text", text));
    for claim in &claims {
        for figure in claim.figures() {
            assert_eq!(
                &text[figure.at.byte_start..figure.at.byte_end],
                figure.raw,
                "{figure:?} points at its own text"
            );
        }
        assert!(claim.span.byte_start < claim.span.byte_end && claim.span.byte_end <= text.len());
    }
    claims
}

fn value(figure: &Figure) -> String {
    figure.number.value.to_string()
}

fn shapes<'a>(claims: &'a [Claim], pick: impl Fn(&'a ClaimKind) -> bool) -> Vec<&'a ClaimKind> {
    claims.iter().map(|c| &c.kind).filter(|k| pick(k)).collect()
}

fn amounts(text: &str) -> Vec<(String, String, FigureUnit)> {
    claims_of(text)
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Amount { subject, figure } => Some((subject.clone(), value(figure), figure.unit)),
            _ => None,
        })
        .collect()
}

#[test]
fn amounts_keep_subject_value_unit_and_span() {
    let text = "2023年度收、支总计280.72万元。";
    let claims = claims_of(text);
    let ClaimKind::Amount { subject, figure } = &claims[0].kind else { panic!("{claims:?}") };
    assert_eq!(subject, "2023年度收、支总计");
    assert_eq!(
        (value(figure), figure.unit, figure.number.decimals),
        ("280.72".to_string(), FigureUnit::TenThousandYuan, 2)
    );
    assert_eq!(&text[figure.at.byte_start..figure.at.byte_end], "280.72万元");
    assert_eq!(figure.at.line, 1);
    assert_eq!(&text[claims[0].span.byte_start..claims[0].span.byte_end], "2023年度收、支总计280.72万元");
}

#[test]
fn amounts_in_yuan_hundred_millions_full_width_and_separators() {
    assert_eq!(amounts("年初预算为0元，支出决算为16.8万元。")[0], ("年初预算为".into(), "0".into(), FigureUnit::Yuan));
    assert_eq!(
        amounts("协助争取国省预算内资金 8.38 亿元。")[0],
        ("协助争取国省预算内资金".into(), "8.38".into(), FigureUnit::HundredMillionYuan)
    );
    assert_eq!(
        amounts("本年收入合计２８０．７２万元。")[0],
        ("本年收入合计".into(), "280.72".into(), FigureUnit::TenThousandYuan)
    );
    assert_eq!(amounts("2024年度收、支总计5,487.18万元。")[0].1, "5487.18");
    assert_eq!(amounts("2024年度收、支总计５，４８７．１８万元。")[0].1, "5487.18");
    assert_eq!(amounts("支出１，２３４，５６７元。")[0].1, "1234567");
    // A full-width comma after ASCII digits is a clause break, not a separator.
    assert_eq!(amounts("项目3，100万元。")[0].1, "100");
    // In 万元: 元 gains four decimals; 亿元 needs four decimals to be stated in 万元 at all.
    let yuan = &claims_of("年初预算为26.53元。")[0];
    let ClaimKind::Amount { figure, .. } = &yuan.kind else { panic!() };
    let amount = figure.amount().expect("元 converts");
    assert_eq!((amount.number.value.to_string(), amount.number.decimals), ("0.002653".to_string(), 6));
    let ClaimKind::Amount { figure, .. } = &claims_of("资金 8.38 亿元。")[0].kind else { panic!() };
    assert!(figure.amount().is_none());
}

#[test]
fn years_dates_and_codes_are_not_figures() {
    let claims = claims_of("截至2023年12月31日，12345 热线运行正常。");
    assert!(claims.is_empty(), "{claims:?}");
}

#[test]
fn shares_with_implicit_and_named_bases() {
    // 000 line 284: the base is the figure the list opens with.
    let claims = claims_of("本年支出合计280.72万元，其中：基本支出211.6万元，占75.38%；项目支出69.12万元，占24.62%。");
    let shares = shapes(&claims, |k| matches!(k, ClaimKind::Share { .. }));
    let [ClaimKind::Share { part, whole: Some(whole), percent, .. }, ClaimKind::Share { part: second, .. }] =
        shares[..]
    else {
        panic!("{shares:?}")
    };
    assert_eq!(
        (value(part), value(whole), percent.raw.as_str(), value(second)),
        ("211.6".into(), "280.72".into(), "75.38%", "69.12".into())
    );
    // 000 line 314: the base named, stated before in the sentence.
    let claims = claims_of(
        "2023年度一般公共预算财政拨款基本支出211.6万元，其中：人员经费35.2万元，占基本支出的16.64%，主要包括基本工资。",
    );
    let shares = shapes(&claims, |k| matches!(k, ClaimKind::Share { .. }));
    let [ClaimKind::Share { whole: Some(whole), whole_label, .. }] = shares[..] else { panic!("{shares:?}") };
    assert_eq!((value(whole), whole_label.as_str()), ("211.6".into(), "基本支出"));
    // Variant wording: 比重, full-width percent sign.
    let claims = claims_of("基本支出211.6万元，占本年支出合计的比重为75.38％。");
    let shares = shapes(&claims, |k| matches!(k, ClaimKind::Share { .. }));
    let [ClaimKind::Share { whole: None, whole_label, percent, .. }] = shares[..] else { panic!("{shares:?}") };
    assert_eq!(
        (whole_label.as_str(), value(percent), percent.unit),
        ("本年支出合计", "75.38".into(), FigureUnit::Percent)
    );
}

#[test]
fn a_budget_share_of_total_spending_finds_the_section_total() {
    // 003 lines 33–36: `占总支出比重` refers to the spending the section opens with.
    let text = "2024年本部门一般公共预算拨款支出257万元，具体安排如下：\n\n（一）基本支出：2024年年初预算为217万元，占总支出比重为84.44%；主要是保障运转。\n\n（二）项目支出：2024年年初预算为40万元，占总支出比重为15.56%。\n";
    let claims = claims_of(text);
    let shares = shapes(&claims, |k| matches!(k, ClaimKind::Share { .. }));
    let wholes: Vec<String> = shares
        .iter()
        .filter_map(|k| if let ClaimKind::Share { whole: Some(w), .. } = k { Some(value(w)) } else { None })
        .collect();
    assert_eq!(wholes, vec!["257".to_string(), "257".to_string()]);
}

#[test]
fn a_sentence_broken_over_two_lines_is_read_as_one() {
    // 002 lines 388–390: `金融支出39.27万元，` then, after a blank line, `占0.72%`.
    let text = "财政拨款支出5487.18万元，主要用于以下方面：金融支出39.27万元，\n\n占0.72%；住房保障（类）支出181.42万元，占3.31%。\n";
    let claims = claims_of(text);
    let shares = shapes(&claims, |k| matches!(k, ClaimKind::Share { .. }));
    let ClaimKind::Share { part, whole: Some(whole), percent, .. } = shares[0] else { panic!("{shares:?}") };
    assert_eq!((value(part), value(whole)), ("39.27".into(), "5487.18".into()));
    assert_eq!((part.at.line, percent.at.line), (1, 3));
}

#[test]
fn changes_find_their_current_figure_and_basis() {
    // 000 line 276: the current figure is in the sentence before.
    let claims =
        claims_of("2023年度收、支总计280.72万元。与上年相比，减少116.72万元，减少29.37%，主要是因为压缩开支。");
    let changes = shapes(&claims, |k| matches!(k, ClaimKind::Change { .. }));
    let [ClaimKind::Change { basis, direction, delta, rate: Some(rate), current: Some(current), .. }] = changes[..]
    else {
        panic!("{changes:?}")
    };
    assert_eq!(
        (*basis, *direction, value(delta), value(rate), value(current)),
        (ChangeBasis::PriorYear, Direction::Decrease, "116.72".into(), "29.37".into(), "280.72".into())
    );
    // 000 line 350: against the budget, then against last year; the first change's delta is not the second's current.
    let claims = claims_of("2023年度，机关运行经费支出176.4万元，比年初预算数减少58.86万元，降低25%，主要原因是：压缩经费；比上年决算数减少17.94万元，降低9.23%。");
    let changes = shapes(&claims, |k| matches!(k, ClaimKind::Change { .. }));
    let [ClaimKind::Change { basis: first, current: Some(a), .. }, ClaimKind::Change { basis: second, current: Some(b), .. }] =
        changes[..]
    else {
        panic!("{changes:?}")
    };
    assert_eq!(
        (*first, *second, value(a), value(b)),
        (ChangeBasis::Budget, ChangeBasis::PriorYear, "176.4".into(), "176.4".into())
    );
    // 001 line 25: a named subject finds its figure past nearer ones.
    let claims =
        claims_of("2023年我单位安排“三公”经费支出数为34.50万元，其中，公务接待费21.50万元，公务用车维护费13万元。2023年“三公”经费预算数较上年预算数减少16.08万元，下降31.79%。");
    let changes = shapes(&claims, |k| matches!(k, ClaimKind::Change { .. }));
    let [ClaimKind::Change { current: Some(current), .. }] = changes[..] else { panic!("{changes:?}") };
    assert_eq!(value(current), "34.50");
    // Variant: an increase, full-width digits.
    let claims = claims_of("2023年度收、支总计５６３．５６万元。与上年相比，增加２０１．８３万元，增长５５．８％。");
    let changes = shapes(&claims, |k| matches!(k, ClaimKind::Change { .. }));
    let [ClaimKind::Change { direction: Direction::Increase, rate: Some(rate), current: Some(current), .. }] =
        changes[..]
    else {
        panic!("{changes:?}")
    };
    assert_eq!((value(rate), value(current)), ("55.8".into(), "563.56".into()));
    // A template left unfilled has no direction: no change is read.
    assert!(shapes(&claims_of("预算数比2023年增加（减少）4万元。"), |k| matches!(
        k,
        ClaimKind::Change { .. }
    ))
    .is_empty());
}

#[test]
fn a_rate_is_against_the_budget_it_names() {
    // The Shanghai 2024 决算 (social work dept.): 年初 and 全年 budgets in one sentence, the rate
    // against 年初预算 (0: a rate from nothing), the comparison word against the nearer budget.
    let claims = claims_of(
        "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。决算数小于预算数的主要原因：人员经费支出数小于预算数。",
    );
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Completion { .. }));
    let [ClaimKind::Completion { budget: rate_budget, percent: Some(percent), comparison: None, .. }, ClaimKind::Completion { budget, percent: None, .. }] =
        found[..]
    else {
        panic!("{found:?}")
    };
    assert_eq!((value(rate_budget), value(percent), value(budget)), ("0".into(), "95.89".into(), "321.02".into()));
}

#[test]
fn completions_with_rate_and_comparison_word() {
    // 002 line 424.
    let claims = claims_of("年初预算为181.11万元，支出决算为185.04万元，完成年初预算的102.17%，决算数小于年初预算数的主要原因是：年中调整了缴费基数。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Completion { .. }));
    let [ClaimKind::Completion { budget, actual, percent: Some(percent), comparison: Some(comparison), .. }] =
        found[..]
    else {
        panic!("{found:?}")
    };
    assert_eq!(
        (value(budget), value(actual), value(percent), comparison.comparison),
        ("181.11".into(), "185.04".into(), "102.17".into(), Comparison::Less)
    );
    assert_eq!(comparison.raw, "决算数小于年初预算数");
    // 000 line 332: the subject is the item the budget is named after.
    let claims = claims_of(
        "公务接待费支出预算为20万元，支出决算为9.71万元，完成预算的100%，决算数小于预算数的主要原因是压缩开支。",
    );
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Completion { .. }));
    let [ClaimKind::Completion { subject, .. }] = found[..] else { panic!("{found:?}") };
    assert_eq!(subject, "公务接待费支出");
    // 004 line 673 wording: 全年预算数 / 执行数 / 完成预算的.
    let claims = claims_of("项目全年预算数为 5.76 万元，执行数为 4.32 万元，完成预算的 75%。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Completion { .. }));
    let [ClaimKind::Completion { actual, percent: Some(percent), comparison: None, .. }] = found[..] else {
        panic!("{found:?}")
    };
    assert_eq!((value(actual), value(percent)), ("4.32".into(), "75".into()));
    // A budget in 元 and an actual in 万元 are kept as written (a unit slip for the lints).
    let claims = claims_of("年初预算为26.53元，支出决算为26.53万元，完成年初预算的100.0%，决算数等于年初预算数。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Completion { .. }));
    let [ClaimKind::Completion { budget, actual, comparison: Some(c), .. }] = found[..] else { panic!("{found:?}") };
    assert_eq!(
        (budget.unit, actual.unit, c.comparison),
        (FigureUnit::Yuan, FigureUnit::TenThousandYuan, Comparison::Equal)
    );
    // 004 line 679: the actual opens the next sentence; `项目` is named by the paragraph's project.
    let claims =
        claims_of("区委中心工作经费项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为 96 分。项目全年预算数为 60.48 万元。执行数为 27.86 万元，完成预算的 46.06%。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Completion { .. }));
    let [ClaimKind::Completion { subject, budget, actual, .. }] = found[..] else { panic!("{found:?}") };
    assert_eq!((subject.as_str(), value(budget), value(actual)), ("区委中心工作经费", "60.48".into(), "27.86".into()));
    // A change against the budget is not a budget figure.
    assert!(shapes(
        &claims_of("机关运行经费支出176.4万元，比年初预算数减少58.86万元，降低25%。"),
        |k| matches!(k, ClaimKind::Completion { .. })
    )
    .is_empty());
}

#[test]
fn listed_parts_of_a_whole() {
    // 000 line 362.
    let claims = claims_of("2023年度政府采购支出总额53.94万元，其中：政府采购货物支出37.07万元、政府采购工程支出0万元、政府采购服务支出16.87万元。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Parts { .. }));
    let [ClaimKind::Parts { whole, parts, complete: true }] = found[..] else { panic!("{found:?}") };
    assert_eq!(
        (value(whole), parts.iter().map(value).collect::<Vec<_>>()),
        ("53.94".into(), vec!["37.07".into(), "0".into(), "16.87".into()])
    );
    // 000 line 366: vehicles; the list ends where a part is explained (`其他用车主要是…`) and at another unit.
    let claims = claims_of(
        "截至2023年12月31日，共有车辆3辆，其中，主要领导干部用车0辆，机要通信用车2辆、其他用车1辆，其他用车主要是借调信访局用车1辆；单位价值50万元以上通用设备0台（套）。",
    );
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Parts { .. }));
    let [ClaimKind::Parts { whole, parts, .. }] = found[..] else { panic!("{found:?}") };
    assert_eq!((value(whole), parts.len()), ("3".into(), 3));
    // 003 line 52: a bracketed 其中 is a list of its own, and its figures are not outer parts.
    let claims = claims_of("2024年“三公”经费预算40万元，其中：“因公出国（境）费” 0万元、“公务用车购置及运行费”18万元（其中，公务用车购置费0万元、公务用车运行费18万元）、“公务接待费”22万元（含商务接待费10万元）。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Parts { .. }));
    let [ClaimKind::Parts { whole: outer, parts: outer_parts, .. }, ClaimKind::Parts { whole: inner, parts: inner_parts, .. }] =
        found[..]
    else {
        panic!("{found:?}")
    };
    assert_eq!(
        (value(outer), outer_parts.iter().map(value).collect::<Vec<_>>()),
        ("40".into(), vec!["0".into(), "18".into(), "22".into()])
    );
    assert_eq!((value(inner), inner_parts.len()), ("18".into(), 2));
    // 000 line 436: parts that add up to the part before them are its breakdown.
    let claims = claims_of(
        "2023 年财政拨款预算支出 280.72 万元，其中基本支出 211.6 万元，人员经费 35.2 万元，日常公用经费 176.4 万元。",
    );
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Parts { .. }));
    let [ClaimKind::Parts { parts, .. }] = found[..] else { panic!("{found:?}") };
    assert_eq!(parts.iter().map(value).collect::<Vec<_>>(), vec!["211.6".to_string()]);
    // 002 lines 508–510: expenses itemised as spent, to the end of the sentence.
    let claims = claims_of("2024年本部门开支会议费2.22万元，用于召开动员会议，人数90人，经费支出为会议场租费0.3万元、会务用餐费0.17万元、其他费用0万元；用于召开座谈会，人数100人，经费支出为会议场租费1.4万元。开支培训费22.7万元，用于开展在职人员能力提升班培训，人数50人，经费支出22.41万元（赴厦门学习）培训；经费支出为0.29万元。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Parts { .. }));
    let [ClaimKind::Parts { whole: meeting, parts: meeting_parts, .. }, ClaimKind::Parts { whole: training, parts: training_parts, .. }] =
        found[..]
    else {
        panic!("{found:?}")
    };
    assert_eq!(
        (value(meeting), meeting_parts.len(), value(training), training_parts.len()),
        ("2.22".into(), 4, "22.7".into(), 2)
    );
    // 003 line 54: budgeted the same way; the next expense ends the list.
    let claims = claims_of("2024年预算安排会议费1万元，主要是是拟召开驻京办工作交流会议，预计参加人数50人次，经费预算0.2万元；拟召开招商引资工作交流会，预计参加人数80人次，经费预算0.8万元；培训费1万元，主要包括单位内部干部业务素质培训，预计参加人数30人次，经费预算1万元。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Parts { .. }));
    let [ClaimKind::Parts { parts: meeting, .. }, ClaimKind::Parts { parts: training, .. }] = found[..] else {
        panic!("{found:?}")
    };
    assert_eq!((meeting.len(), training.len()), (2, 1));
    // A list ending in 等 is not complete.
    let claims = claims_of("基本支出194.30万元，其中：基本工资55.20万元、奖金34.16万元等。");
    assert!(matches!(
        shapes(&claims, |k| matches!(k, ClaimKind::Parts { .. }))[..],
        [ClaimKind::Parts { complete: false, .. }]
    ));
    // 其中 in the next sentence has no whole.
    assert!(shapes(
        &claims_of("支出决算为26.42万元，完成预算的60%。其中：因公出国（境）费0万元。"),
        |k| matches!(k, ClaimKind::Parts { .. })
    )
    .is_empty());
}

#[test]
fn counts_keep_their_unit() {
    let claims =
        claims_of("2、公务接待费支出决算为9.71万元，全年共接待来访团组68个、来宾581人次，主要是招商引资接待支出。");
    let counts: Vec<(String, String, String)> = claims
        .iter()
        .filter_map(|c| match &c.kind {
            ClaimKind::Count { subject, figure } => Some((subject.clone(), value(figure), figure.unit_text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        counts,
        vec![("全年共接待来访团组".into(), "68".into(), "个".into()), ("来宾".into(), "581".into(), "人次".into())]
    );
    let claims = claims_of("截止2023年12月31日，我单位开支财政拨款的公务用车保有量为３辆。");
    assert!(
        matches!(&claims[0].kind, ClaimKind::Count { figure, .. } if value(figure) == "3" && figure.unit_text == "辆")
    );
}

#[test]
fn scores_and_grades_of_the_department_and_of_projects() {
    // 002 line 530.
    let claims = claims_of("2024 年度本部门（单位）整体支出全年预算数 5487.18 万元，执行数 5487.18 万元，完成预算的 100%，绩效自评得分 99.5 分，评价等级为“优”。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Score { .. }));
    let [ClaimKind::Score { subject: ScoreSubject::Overall, score: Some(score), grade: Some(grade), .. }] = found[..]
    else {
        panic!("{found:?}")
    };
    assert_eq!((value(score), grade.as_str()), ("99.5".into(), "优"));
    // 004 line 673: a project's score names the project.
    let claims = claims_of("党史及地方志工作经费项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为 95 分。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Score { .. }));
    let [ClaimKind::Score { subject: ScoreSubject::Project(name), .. }] = found[..] else { panic!("{found:?}") };
    assert_eq!(name, "党史及地方志工作经费");
    // 001 line 34: the maximum is not the score.
    let claims = claims_of("经我单位认真自评，总评分为100分，实际得分98分，2023年度部门整体绩效评价为优秀。");
    let found = shapes(&claims, |k| matches!(k, ClaimKind::Score { .. }));
    let [ClaimKind::Score { score: Some(score), grade: Some(grade), .. }] = found[..] else { panic!("{found:?}") };
    assert_eq!((value(score), grade.as_str()), ("98".into(), "优秀"));
}

#[test]
fn summary_counts_found_bound_and_checked() {
    let text = "本年支出合计280.72万元，其中：基本支出211.6万元，占75.38%。团组68个。";
    let document = hedui_core::parse("text", text);
    let found = claims::extract(&document);
    let summary = claims::summary(&found, &claims::bind::bind_all(&document, &found));
    // Two amounts, a count, a share and a list; no tables, so nothing bound; the share and the list checked.
    assert_eq!((summary.found, summary.bound, summary.checked), (5, 0, 2));
    let unchecked: Vec<String> = claims::review(&hedui_core::parse("text", text))
        .iter()
        .filter(|r| !r.checked)
        .flat_map(|r| r.claim.figures().into_iter().map(|f| f.raw.clone()).collect::<Vec<_>>())
        .collect();
    assert_eq!(unchecked, vec!["280.72万元", "211.6万元", "68个"]);
}
