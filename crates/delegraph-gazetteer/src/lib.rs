//! Bundled lexicons for delegraph: places (GeoNames, CLDR), first names, organizations and
//! legal forms. Data files are compiled in and parsed once on first use.

pub mod names;
pub mod org_heads;
pub mod orgs;
pub mod places;
pub mod words;
