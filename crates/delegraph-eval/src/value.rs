//! Reading loosely typed JSON the way the referee does: Python truthiness, `str()` of a
//! scalar, `int()`/`float()` conversions, and the gold record's `{"any": [...]}` slots.

use serde_json::Value;

/// A field of a JSON object; `null` counts as missing (Python's `d.get(k)` is `None`).
pub(crate) fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|x| !x.is_null())
}

/// Python truthiness of a JSON value.
pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// `d.get(k) or []`: the elements of a list field (anything but a list counts as empty).
pub(crate) fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    match v.get(key) {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

/// Python's `str()` of a JSON scalar.
pub(crate) fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => {
            if n.is_f64() {
                let f = n.as_f64().unwrap_or(0.0);
                if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e16 {
                    format!("{f:.1}")
                } else {
                    format!("{f}")
                }
            } else {
                n.to_string()
            }
        }
        other => other.to_string(),
    }
}

/// Python's `float()`; `None` where Python raises.
pub(crate) fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::String(s) => {
            let t = s.trim().replace('_', "");
            match t.to_ascii_lowercase().as_str() {
                "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                _ => t.parse().ok(),
            }
        }
        _ => None,
    }
}

/// Python's `int()`; `None` where Python raises.
pub(crate) fn py_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite())
                .map(|f| f.trunc() as i64)
        }),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::String(s) => s.trim().replace('_', "").parse().ok(),
        _ => None,
    }
}

/// Python's `==` between JSON values (numbers compare by value, `True == 1`).
pub(crate) fn py_eq(a: &Value, b: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    };
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

static NULL: Value = Value::Null;

/// A gold slot -> its accepted non-null values and whether leaving it empty is accepted:
/// `{"any": [v1, null]}` accepts `v1` or nothing.
pub(crate) fn any_values(v: Option<&Value>) -> (Vec<&Value>, bool) {
    let vals: Vec<&Value> = match v {
        Some(Value::Object(o)) if o.contains_key("any") => match &o["any"] {
            Value::Array(a) => a.iter().collect(),
            other => vec![other],
        },
        Some(x) => vec![x],
        None => vec![&NULL],
    };
    let null_ok = vals.iter().any(|x| x.is_null());
    (vals.into_iter().filter(|x| !x.is_null()).collect(), null_ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn any_values_reads_alternatives() {
        let v = json!({"any": ["2024-11-15", null]});
        let (vals, null_ok) = any_values(Some(&v));
        assert_eq!(vals, [&json!("2024-11-15")]);
        assert!(null_ok);
        let (vals, null_ok) = any_values(None);
        assert!(vals.is_empty() && null_ok);
        let v = json!("Neustadt");
        assert_eq!(any_values(Some(&v)), (vec![&v], false));
    }

    #[test]
    fn python_conversions() {
        assert_eq!(py_str(&json!(1967)), "1967");
        assert_eq!(py_str(&json!(1967.0)), "1967.0");
        assert_eq!(py_int(&json!(" 1967 ")), Some(1967));
        assert_eq!(py_int(&json!("1967.0")), None);
        assert_eq!(py_float(&json!("1500")), Some(1500.0));
        assert!(py_eq(&json!(1), &json!(1.0)));
        assert!(!truthy(Some(&json!(""))));
        assert!(truthy(Some(&json!([0]))));
    }
}
