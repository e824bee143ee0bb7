//! Election data packs: contestants, parties, slogans, hashtags and symbols of one election,
//! loaded from JSON at run time and validated strictly (the error names the field and the
//! entry; an invalid pack is never half-loaded).

use serde::Serialize;
use serde_json::{Map, Value};

/// The built-in pack for the 2024 national election (sources in `packs/SOURCES.md`).
pub const NATIONAL_2024_JSON: &str = include_str!("../../packs/pemilu-2024.json");

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contestant {
    pub number: Option<u32>,
    pub names: Vec<String>,
    pub aliases: Vec<String>,
    pub slogans: Vec<String>,
    pub hashtags: Vec<Hashtag>,
    pub symbols: Vec<String>,
    /// What the contestant's supporters are called, by friends and foes (`Sedulur Busri`,
    /// `cebong`): an insult at them is an attack on the contestant, pride in them support.
    pub camp: Vec<String>,
}

/// How a pack says a hashtag reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HashtagKind {
    /// It only names the contestant (`#SuryawanAyu`): a mention, worth a look; news uses it.
    Name,
    /// It carries the campaign (`#ContohBangkit`, `#SuryawanLagi`): spreading it takes a side.
    Slogan,
}

/// A hashtag of a contestant, as written in the pack (`#SuryawanAyu`), with its kind when
/// the pack marks it (`{"tag": "#SuryawanAyu", "kind": "name"}`); without a mark the
/// scanner reads the words inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hashtag {
    pub tag: String,
    pub kind: Option<HashtagKind>,
}

impl Serialize for Hashtag {
    /// As in the pack: the tag alone, or `{tag, kind}` when it is marked.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self.kind {
            None => s.serialize_str(&self.tag),
            Some(kind) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("tag", &self.tag)?;
                m.serialize_entry("kind", &kind)?;
                m.end()
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    pub number: Option<u32>,
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Pilpres,
    Pileg,
    Pilkada,
    Pilkades,
}

/// A calendar date `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u16>().ok();
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if day == 0 || day > days {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// `14 Februari 2024`.
    pub fn indonesian(&self) -> String {
        const MONTHS: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        let m = MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("");
        format!("{} {} {}", self.day, m, self.year)
    }

    /// `14 February 2024`.
    pub fn english(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let m = MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("");
        format!("{} {} {}", self.day, m, self.year)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub kind: Option<Kind>,
    pub region: Option<String>,
    pub voting_day: Option<Date>,
    pub campaign: Option<(Date, Date)>,
    pub contestants: Vec<Contestant>,
    pub parties: Vec<Party>,
    /// Aliases, slogans or party names that are also everyday words: they count only in an
    /// election context.
    pub ambiguous_aliases: Vec<String>,
}

/// Why a pack was refused: the path of the field (`contestants[2].names[0]`) and the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "invalid pack: {}", self.message)
        } else {
            write!(f, "invalid pack: `{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PackError {}

/// Largest pack accepted (bytes of JSON).
pub const MAX_PACK_BYTES: usize = 2 * 1024 * 1024;
const MAX_STRING: usize = 200;
const MAX_ITEMS: usize = 500;

fn err(path: &str, message: impl Into<String>) -> PackError {
    PackError {
        path: path.to_string(),
        message: message.into(),
    }
}

fn check_fields(obj: &Map<String, Value>, path: &str, allowed: &[&str]) -> Result<(), PackError> {
    for k in obj.keys() {
        if !allowed.contains(&k.as_str()) {
            let at = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            return Err(err(
                &at,
                format!("unknown field; expected one of: {}", allowed.join(", ")),
            ));
        }
    }
    Ok(())
}

fn string(v: &Value, path: &str) -> Result<String, PackError> {
    match v {
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                Err(err(path, "must not be empty"))
            } else if t.chars().count() > MAX_STRING {
                Err(err(path, format!("longer than {MAX_STRING} characters")))
            } else if t.chars().any(char::is_control) {
                Err(err(path, "contains control characters"))
            } else {
                Ok(t.to_string())
            }
        }
        other => Err(err(
            path,
            format!("must be a string, not {}", type_name(other)),
        )),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn opt_string(
    obj: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<String>, PackError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => string(v, &join(path, key)).map(Some),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn strings(obj: &Map<String, Value>, key: &str, path: &str) -> Result<Vec<String>, PackError> {
    let at = join(path, key);
    match obj.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            if items.len() > MAX_ITEMS {
                return Err(err(&at, format!("more than {MAX_ITEMS} entries")));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, v)| string(v, &format!("{at}[{i}]")))
                .collect()
        }
        Some(other) => Err(err(
            &at,
            format!("must be an array of strings, not {}", type_name(other)),
        )),
    }
}

/// `hashtags`: each a string (`"#SuryawanAyu"`) or `{"tag": "#SuryawanAyu", "kind": "name"}`.
fn hashtags(obj: &Map<String, Value>, path: &str) -> Result<Vec<Hashtag>, PackError> {
    let at = join(path, "hashtags");
    let items = match obj.get("hashtags") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(err(
                &at,
                format!("must be an array of hashtags, not {}", type_name(other)),
            ))
        }
    };
    if items.len() > MAX_ITEMS {
        return Err(err(&at, format!("more than {MAX_ITEMS} entries")));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let here = format!("{at}[{i}]");
        let (tag, kind) = match v {
            Value::Object(o) => {
                check_fields(o, &here, &["tag", "kind"])?;
                let tag = match o.get("tag") {
                    None => return Err(err(&join(&here, "tag"), "is required")),
                    Some(t) => string(t, &join(&here, "tag"))?,
                };
                let kind = match opt_string(o, "kind", &here)?.as_deref() {
                    None => None,
                    Some("name") => Some(HashtagKind::Name),
                    Some("slogan") => Some(HashtagKind::Slogan),
                    Some(other) => {
                        return Err(err(
                            &join(&here, "kind"),
                            format!("`{other}` is not one of name, slogan"),
                        ))
                    }
                };
                (tag, kind)
            }
            Value::String(_) => (string(v, &here)?, None),
            other => {
                return Err(err(
                    &here,
                    format!(
                        "must be a hashtag string or an object {{\"tag\", \"kind\"}}, not {}",
                        type_name(other)
                    ),
                ))
            }
        };
        let body = tag.trim_start_matches('#');
        if body.is_empty() || body.contains(char::is_whitespace) {
            let field = if matches!(v, Value::Object(_)) {
                join(&here, "tag")
            } else {
                here
            };
            return Err(err(&field, "must be one word, like #ContohBangkit"));
        }
        out.push(Hashtag { tag, kind });
    }
    Ok(out)
}

fn number(obj: &Map<String, Value>, path: &str) -> Result<Option<u32>, PackError> {
    let at = join(path, "number");
    match obj.get("number") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if (1..=999).contains(&v) => Ok(Some(v as u32)),
            _ => Err(err(&at, "must be a whole number from 1 to 999")),
        },
        Some(other) => Err(err(
            &at,
            format!("must be a number, not {}", type_name(other)),
        )),
    }
}

fn date(obj: &Map<String, Value>, key: &str, path: &str) -> Result<Option<Date>, PackError> {
    match opt_string(obj, key, path)? {
        None => Ok(None),
        Some(s) => Date::parse(&s)
            .map(Some)
            .ok_or_else(|| err(&join(path, key), format!("`{s}` is not a date YYYY-MM-DD"))),
    }
}

/// Entries of an array of objects, each with its path (`contestants[2]`).
type Entries<'a> = Vec<(String, &'a Map<String, Value>)>;

fn objects<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<Entries<'a>, PackError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            if items.len() > MAX_ITEMS {
                return Err(err(key, format!("more than {MAX_ITEMS} entries")));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let at = format!("{key}[{i}]");
                    match v {
                        Value::Object(o) => Ok((at, o)),
                        other => Err(err(
                            &at,
                            format!("must be an object, not {}", type_name(other)),
                        )),
                    }
                })
                .collect()
        }
        Some(other) => Err(err(
            key,
            format!("must be an array, not {}", type_name(other)),
        )),
    }
}

impl Pack {
    /// Parses and validates a pack. Only `id`, `title` and `contestants[].names` are required.
    pub fn from_json(json: &str) -> Result<Pack, PackError> {
        if json.len() > MAX_PACK_BYTES {
            return Err(err("", format!("larger than {MAX_PACK_BYTES} bytes")));
        }
        let value: Value =
            serde_json::from_str(json).map_err(|e| err("", format!("not valid JSON: {e}")))?;
        Pack::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Pack, PackError> {
        let Value::Object(root) = value else {
            return Err(err(
                "",
                format!("must be a JSON object, not {}", type_name(value)),
            ));
        };
        check_fields(
            root,
            "",
            &[
                "id",
                "title",
                "kind",
                "region",
                "voting_day",
                "campaign",
                "contestants",
                "parties",
                "ambiguous_aliases",
            ],
        )?;
        let id = match root.get("id") {
            None => return Err(err("id", "is required")),
            Some(v) => string(v, "id")?,
        };
        if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        {
            return Err(err("id", "use letters, digits, `-`, `_` and `.` only"));
        }
        let title = match root.get("title") {
            None => return Err(err("title", "is required")),
            Some(v) => string(v, "title")?,
        };
        let kind = match opt_string(root, "kind", "")?.as_deref() {
            None => None,
            Some("pilpres") => Some(Kind::Pilpres),
            Some("pileg") => Some(Kind::Pileg),
            Some("pilkada") => Some(Kind::Pilkada),
            Some("pilkades") => Some(Kind::Pilkades),
            Some(other) => {
                return Err(err(
                    "kind",
                    format!("`{other}` is not one of pilpres, pileg, pilkada, pilkades"),
                ))
            }
        };
        let region = opt_string(root, "region", "")?;
        let voting_day = date(root, "voting_day", "")?;
        let campaign = match root.get("campaign") {
            None | Some(Value::Null) => None,
            Some(Value::Object(c)) => {
                check_fields(c, "campaign", &["start", "end"])?;
                let start = date(c, "start", "campaign")?
                    .ok_or_else(|| err("campaign.start", "is required"))?;
                let end = date(c, "end", "campaign")?
                    .ok_or_else(|| err("campaign.end", "is required"))?;
                if end < start {
                    return Err(err("campaign.end", "is before campaign.start"));
                }
                Some((start, end))
            }
            Some(other) => {
                return Err(err(
                    "campaign",
                    format!("must be an object, not {}", type_name(other)),
                ))
            }
        };
        if !root.contains_key("contestants") {
            return Err(err("contestants", "is required"));
        }
        let mut contestants = Vec::new();
        for (at, c) in objects(root, "contestants")? {
            check_fields(
                c,
                &at,
                &[
                    "number", "names", "aliases", "slogans", "hashtags", "symbols", "camp",
                ],
            )?;
            let names = strings(c, "names", &at)?;
            if names.is_empty() {
                return Err(err(&join(&at, "names"), "needs at least one name"));
            }
            contestants.push(Contestant {
                number: number(c, &at)?,
                names,
                aliases: strings(c, "aliases", &at)?,
                slogans: strings(c, "slogans", &at)?,
                hashtags: hashtags(c, &at)?,
                symbols: strings(c, "symbols", &at)?,
                camp: strings(c, "camp", &at)?,
            });
        }
        let mut parties = Vec::new();
        for (at, p) in objects(root, "parties")? {
            check_fields(p, &at, &["number", "name", "aliases"])?;
            let name = match p.get("name") {
                None => return Err(err(&join(&at, "name"), "is required")),
                Some(v) => string(v, &join(&at, "name"))?,
            };
            parties.push(Party {
                number: number(p, &at)?,
                name,
                aliases: strings(p, "aliases", &at)?,
            });
        }
        for (what, nums) in [
            (
                "contestants",
                contestants.iter().map(|c| c.number).collect::<Vec<_>>(),
            ),
            ("parties", parties.iter().map(|p| p.number).collect()),
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for (i, n) in nums.iter().enumerate() {
                if let Some(n) = n {
                    if !seen.insert(*n) {
                        return Err(err(
                            &format!("{what}[{i}].number"),
                            format!("number {n} is used twice"),
                        ));
                    }
                }
            }
        }
        Ok(Pack {
            id,
            title,
            kind,
            region,
            voting_day,
            campaign,
            contestants,
            parties,
            ambiguous_aliases: strings(root, "ambiguous_aliases", "")?,
        })
    }

    /// The built-in 2024 national pack.
    pub fn national_2024() -> Pack {
        // The file is part of the crate and checked by a test; an empty pack is the safe
        // fallback should it ever fail to parse.
        Pack::from_json(NATIONAL_2024_JSON).unwrap_or_else(|_| Pack {
            id: "pemilu-2024".into(),
            title: "Pemilu 2024".into(),
            kind: None,
            region: None,
            voting_day: None,
            campaign: None,
            contestants: Vec::new(),
            parties: Vec::new(),
            ambiguous_aliases: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_pack_is_valid() {
        let p = Pack::from_json(NATIONAL_2024_JSON).expect("valid");
        assert_eq!(p.contestants.len(), 3);
        assert_eq!(p.contestants[1].number, Some(2));
        assert!(p.parties.len() >= 24);
        assert_eq!(
            p.voting_day.map(|d| d.indonesian()),
            Some("14 Februari 2024".into())
        );
    }

    #[test]
    fn errors_name_the_field_and_entry() {
        let e = |s: &str| Pack::from_json(s).expect_err("invalid").to_string();
        assert!(e("[]").contains("JSON object"));
        assert!(e("{\"title\":\"x\",\"contestants\":[]}").contains("`id`: is required"));
        assert!(
            e("{\"id\":\"x\",\"title\":\"x\",\"contestants\":[{\"names\":[]}]}")
                .contains("`contestants[0].names`: needs at least one name")
        );
        assert!(e("{\"id\":\"x\",\"title\":\"x\",\"contestants\":[{\"names\":[\"A\"]},{\"names\":[\"B\", 3]}]}")
            .contains("`contestants[1].names[1]`: must be a string"));
        assert!(e("{\"id\":\"x\",\"title\":\"x\",\"contestants\":[{\"names\":[\"A\"],\"colour\":\"red\"}]}")
            .contains("`contestants[0].colour`: unknown field"));
        assert!(e(
            "{\"id\":\"x\",\"title\":\"x\",\"voting_day\":\"2029-02-30\",\"contestants\":[]}"
        )
        .contains("`voting_day`"));
        assert!(
            e("{\"id\":\"x\",\"title\":\"x\",\"kind\":\"pemilu\",\"contestants\":[]}")
                .contains("`kind`")
        );
        assert!(e("{\"id\":\"x\",\"title\":\"x\",\"contestants\":[{\"number\":1,\"names\":[\"A\"]},{\"number\":1,\"names\":[\"B\"]}]}")
            .contains("`contestants[1].number`: number 1 is used twice"));
        assert!(e(
            "{\"id\":\"x\",\"title\":\"x\",\"contestants\":[{\"names\":[\"A\"],\"number\":-2}]}"
        )
        .contains("`contestants[0].number`"));
        assert!(e(
            "{\"id\":\"x\",\"title\":\"x\",\"contestants\":[],\"parties\":[{\"number\":2}]}"
        )
        .contains("`parties[0].name`: is required"));
        assert!(e("not json").contains("not valid JSON"));
    }

    #[test]
    fn camps_and_marked_hashtags() {
        let p = Pack::from_json(
            r##"{"id":"a","title":"T","contestants":[{"names":["I Made Suryawan"],
                "hashtags":["#SuryawanLagi",{"tag":"#SuryawanAyu","kind":"name"},{"tag":"#ContohBangkit","kind":"slogan"},{"tag":"#Suryawan1"}],
                "camp":["Sedulur Suryawan","laskar biru"]}]}"##,
        )
        .expect("valid");
        let c = &p.contestants[0];
        assert_eq!(c.camp, ["Sedulur Suryawan", "laskar biru"]);
        let kinds: Vec<_> = c
            .hashtags
            .iter()
            .map(|h| (h.tag.as_str(), h.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("#SuryawanLagi", None),
                ("#SuryawanAyu", Some(HashtagKind::Name)),
                ("#ContohBangkit", Some(HashtagKind::Slogan)),
                ("#Suryawan1", None),
            ]
        );
        // Written back as the pack wrote them.
        let json = serde_json::to_string(&c.hashtags).expect("json");
        assert_eq!(
            json,
            r##"["#SuryawanLagi",{"tag":"#SuryawanAyu","kind":"name"},{"tag":"#ContohBangkit","kind":"slogan"},"#Suryawan1"]"##
        );
    }

    #[test]
    fn bad_camps_and_hashtags_name_the_field() {
        let e = |c: &str| {
            Pack::from_json(&format!(
                r#"{{"id":"x","title":"x","contestants":[{{"names":["A"],{c}}}]}}"#
            ))
            .expect_err("invalid")
            .to_string()
        };
        assert!(e(r##""hashtags":[{"tag":"#A","kind":"stance"}]"##)
            .contains("`contestants[0].hashtags[0].kind`: `stance` is not one of name, slogan"));
        assert!(e(r##""hashtags":[{"kind":"name"}]"##)
            .contains("`contestants[0].hashtags[0].tag`: is required"));
        assert!(e(r##""hashtags":[{"tag":"#A B"}]"##)
            .contains("`contestants[0].hashtags[0].tag`: must be one word"));
        assert!(e(r##""hashtags":[{"tag":"#A","colour":"red"}]"##)
            .contains("`contestants[0].hashtags[0].colour`: unknown field"));
        assert!(e(r##""hashtags":[7]"##)
            .contains("`contestants[0].hashtags[0]`: must be a hashtag string or an object"));
        assert!(
            e(r#""camp":"cebong""#).contains("`contestants[0].camp`: must be an array of strings")
        );
        assert!(e(r#""camp":[""]"#).contains("`contestants[0].camp[0]`: must not be empty"));
    }

    #[test]
    fn minimal_pack() {
        let p = Pack::from_json(
            r#"{"id":"a","title":"T","contestants":[{"names":["I Made Suryawan"]}]}"#,
        )
        .expect("valid");
        assert_eq!(p.contestants[0].names, ["I Made Suryawan"]);
    }
}
