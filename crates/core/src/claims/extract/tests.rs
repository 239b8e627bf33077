use proptest::prelude::*;

use super::*;

proptest! {
    /// `stated_comparison`, `without_basis_words` and `stated_grade` read what the patterns they spell out would.
    #[test]
    fn comparisons_bases_and_grades_are_read_as_the_patterns_do(pieces in prop::collection::vec(prop::sample::select(&["决算", "数", "大于", "超过", "年初", "全年", "与", "持平", "预算", "与上年相比", "比上年", "较上年", "较去年", "比", "较", "同比", "2023", "年", "度", "等级", "评定", "评价结果", "为", "：", "“", "优", "秀", "不合格", "中", "x"][..]), 0..16)) {
        let text: String = pieces.concat();
        let comparison = regex_lite::Regex::new(r"决算数?(?:(大于|小于|等于|高于|低于|超过)(?:年初|全年)?预算数?|与(?:年初|全年)?预算数?(持平))").unwrap();
        let by_pattern = comparison.captures(&text).map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end(), c.get(1).or(c.get(2)).unwrap().as_str()));
        prop_assert_eq!(stated_comparison(&text), by_pattern);
        let basis = regex_lite::Regex::new(r"与上年相比|比上年决算数?|比上年预算数?|比上年|较上年预算数|较上年决算数|较上年|较去年|比年初预算数?|较年初预算数?|同比|比\d{4}年|^\d{4}年度?").unwrap();
        prop_assert_eq!(without_basis_words(&text), basis.replace_all(&text, "").into_owned());
        let year = regex_lite::Regex::new(r"^\d{4}年").unwrap();
        prop_assert_eq!(year_opening(&text).is_some(), year.is_match(&text));
        let grade = regex_lite::Regex::new(r"(?:等级|评价结果|绩效评价|评定)为?[：:]?[“”\x22「]?(优秀|优|良好|良|中等|中|合格|不合格|差)").unwrap();
        let by_pattern = grade.captures(&text).map(|c| (c.get(1).unwrap().start(), c.get(1).unwrap().as_str()));
        prop_assert_eq!(stated_grade(&text), by_pattern);
    }

    /// `project_name` reads what the pattern it spells out would.
    #[test]
    fn project_name_reads_as_the_pattern_does(chars in prop::collection::vec(prop::sample::select("项目绩效自评经费，：、 a".chars().collect::<Vec<_>>()), 0..30)) {
        let text: String = chars.into_iter().collect();
        let pattern = regex_lite::Regex::new(r"([^，。：:；、]+?)项目(?:绩效)?自评").unwrap();
        let by_pattern = pattern.captures(&text).map(|caps| caps[1].trim().to_string()).filter(|name| !name.is_empty());
        prop_assert_eq!(project_name(&text), by_pattern);
    }
}
