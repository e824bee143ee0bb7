//! A small argument reader: `--name value`, `--name=value`, `--flag`, repeated options.

use crate::Fail;

pub struct Args {
    items: Vec<(String, Option<String>)>,
}

impl Args {
    /// `takes_value` lists the options that take a value; `flags` the ones that do not.
    pub fn parse(argv: &[String], takes_value: &[&str], flags: &[&str]) -> Result<Args, Fail> {
        let mut items = Vec::new();
        let mut it = argv.iter();
        while let Some(a) = it.next() {
            let Some(name) = a.strip_prefix("--") else {
                return Err(Fail(format!("unexpected argument `{a}`")));
            };
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (name, None),
            };
            if takes_value.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or_else(|| Fail(format!("--{name} needs a value")))?,
                };
                items.push((name.to_string(), Some(value)));
            } else if flags.contains(&name) {
                if inline.is_some() {
                    return Err(Fail(format!("--{name} takes no value")));
                }
                items.push((name.to_string(), None));
            } else {
                let mut known: Vec<String> = takes_value
                    .iter()
                    .chain(flags)
                    .map(|n| format!("--{n}"))
                    .collect();
                known.sort();
                return Err(Fail(format!(
                    "unknown option `--{name}`; options here: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(Args { items })
    }

    pub fn flag(&self, name: &str) -> bool {
        self.items.iter().any(|(n, _)| n == name)
    }

    /// The last value of an option.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.items
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }

    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.items
            .iter()
            .filter(move |(n, _)| n == name)
            .filter_map(|(_, v)| v.as_deref())
    }
}
